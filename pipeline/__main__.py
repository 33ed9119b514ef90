"""`python -m pipeline` is the `fakta` command."""
import sys

from .cli import main

sys.exit(main())
