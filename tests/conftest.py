import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))  # pycore and build.py, from the source tree
sys.path.insert(0, str(HERE))  # helpers and seed
