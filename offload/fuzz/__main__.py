import sys

from offload.fuzz._cli import main

sys.exit(main())
