"""The command-line interface: a thin layer over purgewatch's library functions."""
