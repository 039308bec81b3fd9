# Helper module defining __all__ for star-import checks.
__all__ = ["public", "Exported"]
public = "public value"
also_public = "not in __all__"
class Exported:
    pass
