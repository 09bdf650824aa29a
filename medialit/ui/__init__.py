"""Every ipywidgets user: the classification widget, quizzes, hand-in, review and the keyboard guard."""
