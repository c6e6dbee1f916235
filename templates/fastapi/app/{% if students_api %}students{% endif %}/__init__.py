"""Students: the starter resource, written as `scaffold add resource` writes yours."""
