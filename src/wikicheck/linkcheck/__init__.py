"""Network access: the address guard and the HTTP clients. Nothing else in wikicheck connects."""
