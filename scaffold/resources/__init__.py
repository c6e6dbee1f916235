"""`scaffold add resource`: the user's own data model, rendered by a resource template."""
