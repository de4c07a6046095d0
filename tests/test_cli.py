"""python3 -m pycore: the steps in a terminal, JSON, and exit status 2 for bad input."""

import json
import re
import subprocess
import sys

from helpers import ROOT, close
from seed import BATCH, BIASES2, BIASES_3, STAGES, WEIGHTS2, WEIGHTS_3x4


def run(*args, env=None):
    return subprocess.run([sys.executable, "-m", "pycore", *args], capture_output=True, text=True,
                          cwd=ROOT, env=env)


def test_steps_in_the_terminal():
    done = run("--inputs", BATCH, "--weights", WEIGHTS_3x4, "--biases", BIASES_3)
    assert done.returncode == 0 and done.stderr == ""
    assert "Why the weights are transposed" in done.stdout
    assert "[ 1.41   1.051  0.026]]" in done.stdout
    # the product step's explanation is in the terminal too (its page-only hint is not)
    assert "Each of the 9 cells is the dot product of one sample" in done.stdout
    assert "Select" not in done.stdout


def test_json_outputs_of_the_last_layer():
    done = run("--inputs", BATCH, "--weights", WEIGHTS_3x4, "--biases", BIASES_3,
               "--weights", WEIGHTS2, "--biases", BIASES2, "--json")
    assert done.returncode == 0
    data = json.loads(done.stdout)
    assert close(data["outputs"], STAGES["two layers"][2])


def test_bad_input_exit_2_names_the_field():
    done = run("--inputs", BATCH, "--weights", WEIGHTS_3x4, "--biases", "[2, 3]")
    assert done.returncode == 2 and done.stdout == ""
    assert done.stderr.strip() == "error: Biases: 3 neurons need 3 biases; Biases has 2."
    done = run("--inputs", "[1, 2, x]", "--weights", "[1, 2, 3]", "--biases", "0", "--json")
    assert done.returncode == 2 and "Inputs (line 1, column 8): '\u2068x\u2069' is not a number" in done.stderr
    assert "Traceback" not in done.stderr


def test_every_fields_mistake_is_reported_as_the_page_does():
    done = run("--inputs", "[1, 2, x]", "--weights", "[1, 2", "--biases", "y",
               "--weights", "[[1]]", "--biases", "[1, ]]")
    assert done.returncode == 2
    lines = done.stderr.strip().splitlines()
    assert [re.match(r"error: (.+?)(?: \(line \d+, column \d+\))?: ", line).group(1) for line in lines] == \
        ["Inputs", "Weights", "Biases", "Biases (layer 2)"]


def test_no_numpy_says_the_loops_were_chosen():
    done = run("--inputs", BATCH, "--weights", WEIGHTS_3x4, "--biases", BIASES_3, "--no-numpy")
    assert "pure-Python loops (as asked: --no-numpy)" in done.stdout
    assert "not installed" not in done.stdout


def test_unpaired_layers_are_a_usage_error():
    done = run("--inputs", BATCH, "--weights", WEIGHTS_3x4, "--biases", BIASES_3, "--weights", WEIGHTS2)
    assert done.returncode == 2 and "--biases" in done.stderr


def test_help_shows_an_example_from_the_textbook():
    done = run("--help")
    assert done.returncode == 0 and "[-1.5, 2.7, 3.3, -0.8]" in done.stdout and "python3" in done.stdout


def test_a_terminal_that_cannot_write_the_symbols_gets_plain_ones():
    import os
    env = {**os.environ, "PYTHONIOENCODING": "cp1252"}
    done = run("--inputs", BATCH, "--weights", WEIGHTS_3x4, "--biases", BIASES_3, env=env)
    assert done.returncode == 0 and "4 != 3, the shapes do not fit" in done.stdout and "weights.T" in done.stdout
    done = run("--inputs", BATCH, "--weights", WEIGHTS_3x4, "--biases", BIASES_3, "--json", env=env)
    assert done.returncode == 0 and json.loads(done.stdout)["layers"][0]["stage"] == "batch"
    done = run("--inputs", "[1, x]", "--weights", "1", "--biases", "0", env=env)
    assert done.returncode == 2 and "'x' is not a number" in done.stderr and "Traceback" not in done.stderr


def test_activations_on_the_command_line_follow_their_layers():
    done = run("--inputs", BATCH, "--weights", WEIGHTS_3x4, "--biases", "[2, -3, 0.5]", "--activation", "relu",
               "--json")
    assert json.loads(done.stdout)["outputs"][1][1] == 0
    done = run("--inputs", BATCH, "--activation", "relu", "--weights", WEIGHTS_3x4, "--biases", BIASES_3)
    assert done.returncode == 2 and "--activation belongs after its layer's --biases" in done.stderr
