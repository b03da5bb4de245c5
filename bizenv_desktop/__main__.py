"""`python -m bizenv_desktop`: the same as the `bizenv` command."""
import sys

from .cli import main

sys.exit(main())
