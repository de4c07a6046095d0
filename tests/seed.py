"""The textbook's examples (../shared/seed), with the numbers it prints."""

INPUTS_4 = "[1.0, 2.0, 3.0, 2.5]"
WEIGHTS_3x4 = "[[0.2, 0.8, -0.5, 1], [0.5, -0.91, 0.26, -0.5], [-0.26, -0.27, 0.17, 0.87]]"
BIASES_3 = "[2, 3, 0.5]"
BATCH = "[[1, 2, 3, 2.5], [2, 5, -1, 2], [-1.5, 2.7, 3.3, -0.8]]"
WEIGHTS2 = "[[0.1, -0.14, 0.5], [-0.5, 0.12, -0.33], [-0.44, 0.73, -0.13]]"
BIASES2 = "[-1, 2, -0.5]"

# (inputs, [(weights, biases), ...], outputs the textbook prints)
STAGES = {
    "single neuron, 3 inputs": ("[1, 2, 3]", [("[0.2, 0.8, -0.5]", "2")], 2.3),
    "single neuron, 4 inputs": (INPUTS_4, [("[0.2, 0.8, -0.5, 1.0]", "2.0")], 4.8),
    "layer of 3 neurons": (INPUTS_4, [(WEIGHTS_3x4, BIASES_3)], [4.8, 1.21, 2.385]),
    "dot product": ("[1, 2, 3]", [("[2, 3, 4]", "0")], 20),
    "row times column vector": ("[[1, 2, 3]]", [("[[2, 3, 4]]", "")], [[20]]),
    "batch": (BATCH, [(WEIGHTS_3x4, BIASES_3)],
              [[4.8, 1.21, 2.385], [8.9, -1.81, 0.2], [1.41, 1.051, 0.026]]),
    "two layers": (BATCH, [(WEIGHTS_3x4, BIASES_3), (WEIGHTS2, BIASES2)],
                   [[0.5031, -1.04185, -2.03875], [0.2434, -2.7332, -5.7633],
                    [-0.99314, 1.41254, -0.35655]]),
}
