# Checks an uncaught ModuleNotFoundError for a missing module.
import no_such_module_here
