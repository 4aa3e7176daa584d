"""`python -m sim` is `negsim`."""

from sim.cli import main

main()
