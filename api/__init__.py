"""The open REST API: personal tokens, typed resources over the write path, JSON errors."""
