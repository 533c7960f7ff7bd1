"""The use cases, one function each: what the CLI commands and the web views call (layer 8).

Commands and views parse their input, call one function here and format its result; nothing here
knows about terminals or HTTP.
"""
