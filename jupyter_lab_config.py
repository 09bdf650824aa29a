"""JupyterLab settings for the kit, read by the README's open command (``jupyter lab --config=jupyter_lab_config.py``).

* ``allow_root``: in a container or a fresh cloud machine you are often root, and Jupyter refuses to start as root
  unless told it may. The server still listens only on this computer (localhost) and asks for its token.
* ``app_settings_dir``: JupyterLab reads ``jupyter-config/overrides.json``, which switches off the "Would you like to
  get notified about official Jupyter news?" pop-up that covers the page on first open (Binder copies the same file
  into its environment in ``postBuild``).
"""

from pathlib import Path

c = get_config()  # noqa: F821 - provided by Jupyter when it reads this file
c.ServerApp.allow_root = True
c.LabApp.app_settings_dir = str(Path(__file__).resolve().parent / "jupyter-config")
