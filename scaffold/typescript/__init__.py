"""The Node templates are written once, in TypeScript; JavaScript projects get them stripped.

`strip` erases the types of a TypeScript module (pure); `template` is the Jinja extension
copier loads (copier.yml `_jinja_extensions`) to apply it to the Node source templates.
"""
