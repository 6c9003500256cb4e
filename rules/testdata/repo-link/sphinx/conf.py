project = "Guide"
extensions = ["myst_parser"]
