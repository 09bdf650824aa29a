"""The text layer: reading an article, splitting it into sentences, finding names and outlets."""
