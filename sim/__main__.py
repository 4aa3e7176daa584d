"""`python -m sim` is `negsim`."""

from sim.cli.main import main

main()
