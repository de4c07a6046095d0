"""English: every message Layer Lens shows, and the grammar that builds them.

Ids are grouped by what says them (``parse.``, ``shape.``, ``steps.``, ``player.``,
``page.`` ...). A template's placeholders are filled by ``str.format``; a dict of
templates is keyed by plural category, chosen by ``count``.
"""

from __future__ import annotations

NAME = "English"
TAG = "en"  # BCP 47, for <html lang> and the page's number formatting

# (singular, plural) of every noun a count goes with
NOUNS = {
    "sample": ("sample", "samples"), "neuron": ("neuron", "neurons"), "input": ("input", "inputs"),
    "feature": ("feature", "features"), "weight": ("weight", "weights"), "bias": ("bias", "biases"),
    "number": ("number", "numbers"), "term": ("term", "terms"), "cell": ("cell", "cells"),
    "dot product": ("dot product", "dot products"), "more dot product": ("more dot product", "more dot products"),
    "dimension": ("dimension", "dimensions"), "row": ("row", "rows"), "column": ("column", "columns"),
    "layer": ("layer", "layers"), "multiply-add": ("multiply-add", "multiply-adds"),
    "output": ("output", "outputs"), "character": ("character", "characters"),
}


def plural_category(count) -> str:
    return "one" if count == 1 else "other"


def noun(name: str, count: int = 1) -> str:
    singular, many = NOUNS[name]
    return singular if count == 1 else many


def number(value: int) -> str:
    return f"{value:,}"


def plural(count: int, name: str) -> str:
    return f"{number(count)} {noun(name, count)}"


def count_words(count: int, name: str) -> str:
    return f"one {noun(name)}" if count == 1 else plural(count, name)


def and_list(items: list[str]) -> str:
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " and " + items[-1]


MESSAGES: dict[str, str | dict[str, str]] = {
    # -- the fields' names (the page's accessible names: keep them exact) ------------------
    "field.inputs": "Inputs",
    "field.weights": "Weights",
    "field.biases": "Biases",
    "field.activation": "Activation",
    "field.prediction": "Your prediction",
    "field.in_layer": "{name} (layer {number})",
    # -- an InputError, on the command line (named) and beside its field -------------------
    "error.where": "line {line}, column {column}",
    "error.named": "{field}: {reason}",
    "error.named_at": "{field} ({where}): {reason}",
    "error.beside_at": "Line {line}, column {column}: {reason}",
    # -- parse: why a field's text cannot be read (InputError; the page capitalises the first letter) --
    # {quote}: the learner's text, quoted and isolated; {written}: a number as the learner wrote it;
    # {char}: a character named by its code point and Unicode name; {field}: a field's label
    "parse.too_long": "this is {length:,} characters long; Layer Lens reads at most {most:,} characters in one field.",
    "parse.too_many_about": "this holds about {count:,} numbers; Layer Lens reads at most {most:,} numbers in one field.",
    "parse.too_many": "more than {most:,} numbers; Layer Lens reads at most {most:,} in one field.",
    "parse.empty": "this field is empty. Type a number, or a list such as [1, 2, 3].",
    "parse.no_numbers": "there are no numbers here. Type a number, or a list such as [1, 2, 3].",
    "parse.line_like": ("a line-like character, {char}, sits here: it may or may not start a new row. Start each row "
                        "on a new line (press Enter), or put the numbers in brackets: [[1, 2], [3, 4]]."),
    "parse.bidi": ("an invisible character, {char}, sits here: it can make text display in a different order from "
                   "the order it is read. Delete it."),
    "parse.control": "a control character, {char}, sits here: it is invisible and no part of a number. Delete it.",
    "parse.thousands_space": ("a {char} between digits looks like a thousands separator, which Python does not have. "
                              "For one number write it without: {left}{right}; for two numbers put a comma between "
                              "them: {left}, {right}."),
    "parse.invisible_here": "an invisible character, {char}, sits here; delete it.",
    "parse.invisible_inside": "an invisible character, {char}, sits inside this number; delete it.",
    "parse.invisible_next": "an invisible character, {char}, sits next to this number; delete it.",
    "parse.other_digit": "{char} is a digit Python does not read in a number; type {digit} instead.",
    "parse.lookalike": "{char} looks like {plain} but Python does not read it as one; type {plain} instead.",
    "parse.quote_long": "{quote} ({length:,} characters long)",
    "parse.long_number": "a number {length:,} characters long ({start}…)",
    "parse.int_too_long": ("a whole number {digits:,} digits long ({start}…) is longer than Python reads: at most "
                           "{most:,} digits. Write it shorter, or as a decimal such as 1.5e300."),
    "parse.float_overflow": ("{written} is too large to compute with as a float: it overflows to infinity (one "
                             "decimal number in a field makes every number a float, as in NumPy). Use numbers "
                             "smaller than about 1e308."),
    "parse.overflow": ("{written} is too large to compute with: it overflows to infinity. Use numbers smaller than "
                       "about 1e308."),
    "parse.underflow": ("{written} is too small to compute with: Python reads it as 0.0 (it underflows). Write 0 if "
                        "you mean zero."),
    "parse.missing_comma": ("a comma is missing between {first} and {second}? Python would read {expression} as one "
                            "number. For two numbers write {first}, {second}."),
    "parse.missing_comma_sum": ("a comma is missing between {first} and {second}? Python would read {expression} as "
                                "one number, {value}. For two numbers write {first}, {second}."),
    "parse.not_finite": ("{quote} is not a finite number. A layer computes with ordinary numbers only, such as 2 or "
                         "-0.5."),
    "parse.lone_sign": "a sign on its own: a sign must touch its number, as in {sign}0.5, not {sign} 0.5.",
    "parse.complex": "{quote} is a complex number; a layer computes with real numbers only.",
    "parse.base": "{quote} is written in base 16, 8 or 2; write numbers in decimal, such as 2, -0.5 or 1e-3.",
    "parse.not_a_number": "{quote} is not a number. Write numbers like 2, -0.5 or 1e-3, separated by commas.",
    "parse.comma_first": "a number is missing before this comma.",
    "parse.thousands_comma": ("Python would read {written} as two numbers, {first} and {second}. If it is one number "
                              "with a thousands separator, write it without the comma: {without}; if it is two "
                              "numbers, put a space after the comma: {spaced}."),
    "parse.decimal_commas_list": ("decimal commas? Python reads {left},{right} as two numbers, {left} and {right}, but "
                                  "this list also separates numbers with spaces. Write a decimal with a point "
                                  "({left}.{right}) and put a comma between numbers."),
    "parse.decimal_commas_grid": ("decimal commas? Python reads {left},{right} as two numbers, {left} and {right}, but "
                                  "the text also separates numbers with spaces. Write a decimal with a point "
                                  "({left}.{right}) and put a comma between numbers."),
    # {count}: the most dimensions the field can have; {allowed}: parse.ndim.<count>
    "parse.too_deep": {
        "one": "this has {levels} levels of brackets, but {field} can have at most {count} dimension: write {allowed}.",
        "other": ("this has {levels} levels of brackets, but {field} can have at most {count} dimensions: write "
                  "{allowed}."),
    },
    "parse.ndim.0": "a single number",
    "parse.ndim.1": "a list of numbers",
    "parse.ndim.2": "a list of lists (a matrix)",
    "parse.too_many_open": {
        "one": "more than {most} brackets are open here; {field} has at most {count} dimension.",
        "other": "more than {most} brackets are open here; {field} has at most {count} dimensions.",
    },
    # {count}: how many numbers row {row} has; {first_row}: how many row 1 has
    "parse.ragged": {
        "one": ("row {row} has {count} number, but row 1 has {first_row}. Every row of an array must be the same "
                "length (the textbook calls such a list of lists homologous)."),
        "other": ("row {row} has {count} numbers, but row 1 has {first_row}. Every row of an array must be the same "
                  "length (the textbook calls such a list of lists homologous)."),
    },
    "parse.unmatched": "this '{closing}' has no matching '{opening}'.",
    "parse.never_closed": "this '{opening}' is never closed: add the missing '{closing}'.",
    "parse.mismatched": ("this '{closing}' does not match the '{opening}' at line {opened_line}, column "
                         "{opened_column}: close it with '{expected}'."),
    "parse.after_end": ("there is more text after the closing '{closing}'. Put everything inside one pair of outer "
                        "brackets."),
    "parse.outside": "this number is outside the brackets. Put every number inside [ ].",
    "parse.comma_outside": "this comma is outside the brackets.",
    "parse.semicolon": ("';' separates rows only in a pasted grid. Inside brackets, write rows as lists: "
                        "[[1, 2], [3, 4]]."),
    "parse.empty_tuple": "an empty tuple () holds no numbers. Put at least one number between the parentheses.",
    "parse.empty_list": "an empty list [] holds no numbers. Put at least one number between the brackets.",
    "parse.tuple_comma": "a comma is missing before this? Inside ( ), separate the items with commas: (1, 2).",
    "parse.index": ("a comma is missing before this list? Python would read a list followed by [i] as indexing (item "
                    "i of the list before it), not as a new row. Put a comma between the rows: [[1, 2], [3, 4]]."),
    "parse.mixed": ("this list mixes numbers and lists. Each level of brackets holds either numbers or lists, not "
                    "both."),
    "parse.rows_in_list": "this has {rows} rows, but {field} is one list of numbers: put them on one line.",
    # a sentence for a count that does not fit, when decimal commas would explain it (shape.* append it)
    "parse.decimal_comma": ("{written} looks like a decimal comma: Python reads it as two numbers, {first} and "
                            "{second}; write {fixed}."),
    "parse.decimal_commas": ("{spellings} look like decimal commas: Python reads each as two numbers ({written} as "
                             "{first} and {second}); write {fixes}."),
    "parse.more": "{count} more",
    "parse.so_on": "so on",
    # -- shape: the fields read, but do not fit together (dense's shape and size checks) -------
    # {number}: the layer's number; {previous}: the layer before it; {field}: a field's label;
    # {note}: "" or shape.note / shape.note_inputs (a decimal comma would explain the count)
    "shape.note": " {sentence}",
    "shape.note_inputs": " In Inputs, {sentence}",
    "shape.inputs_scalar": ("this is a single number, but inputs are a list even for one feature: write [2] for one "
                            "sample, [[1, 2], [3, 4]] for a batch."),
    "shape.weights_scalar": ("this is a single number, but a neuron has one weight per input: write a list such as "
                             "[0.2, 0.8, -0.5]."),
    "shape.chain_single": ("layer {previous} is a single neuron (its weights are one list), so it gives one number; "
                           "layer {number} needs a list of outputs per sample. To chain a layer, write layer "
                           "{previous}'s weights as a matrix with one row: [[...]]."),
    "shape.chain_single_batch": ("layer {previous} is a single neuron (its weights are one list), so it gives one "
                                 "number per sample; layer {number} needs a list of outputs per sample. To chain a "
                                 "layer, write layer {previous}'s weights as a matrix with one row: [[...]]."),
    # weights that do not fit the inputs: {count} inputs per sample (features), {per_neuron} weights per neuron
    "shape.matrix_product": {
        "one": ("Inputs {inputs_shape} and weightsᵀ {transposed_shape} do not fit the matrix product: the second "
                "dimension of the left matrix ({count}) must equal the first dimension of the right one "
                "({per_neuron}), after transposing the weights. Each neuron needs {count} weight, one per input "
                "feature; each row of {field} has {per_neuron}.{note}"),
        "other": ("Inputs {inputs_shape} and weightsᵀ {transposed_shape} do not fit the matrix product: the second "
                  "dimension of the left matrix ({count}) must equal the first dimension of the right one "
                  "({per_neuron}), after transposing the weights. Each neuron needs {count} weights, one per input "
                  "feature; each row of {field} has {per_neuron}.{note}"),
    },
    "shape.matrix_product_chained": {
        "one": ("Inputs {inputs_shape} and weightsᵀ {transposed_shape} do not fit the matrix product: the second "
                "dimension of the left matrix ({count}) must equal the first dimension of the right one "
                "({per_neuron}), after transposing the weights. Each neuron needs {count} weight, one per output of "
                "layer {previous}; each row of {field} has {per_neuron}.{note}"),
        "other": ("Inputs {inputs_shape} and weightsᵀ {transposed_shape} do not fit the matrix product: the second "
                  "dimension of the left matrix ({count}) must equal the first dimension of the right one "
                  "({per_neuron}), after transposing the weights. Each neuron needs {count} weights, one per output "
                  "of layer {previous}; each row of {field} has {per_neuron}.{note}"),
    },
    "shape.dot_product": {
        "one": ("Weights {weights_shape} and inputs {inputs_shape} do not fit the dot product: each weight multiplies "
                "one input (Inputs has {count:,} number per sample). Each neuron needs {count} weight, one per input "
                "feature; each row of {field} has {per_neuron}.{note}"),
        "other": ("Weights {weights_shape} and inputs {inputs_shape} do not fit the dot product: each weight "
                  "multiplies one input (Inputs has {count:,} numbers per sample). Each neuron needs {count} weights, "
                  "one per input feature; each row of {field} has {per_neuron}.{note}"),
    },
    "shape.dot_product_neuron": {
        "one": ("Weights {weights_shape} and inputs {inputs_shape} do not fit the dot product: each weight multiplies "
                "one input (Inputs has {count:,} number per sample). Each neuron needs {count} weight, one per input "
                "feature; {field} has {per_neuron}.{note}"),
        "other": ("Weights {weights_shape} and inputs {inputs_shape} do not fit the dot product: each weight "
                  "multiplies one input (Inputs has {count:,} numbers per sample). Each neuron needs {count} weights, "
                  "one per input feature; {field} has {per_neuron}.{note}"),
    },
    "shape.dot_product_chained": {
        "one": ("Weights {weights_shape} and inputs {inputs_shape} do not fit the dot product: each weight multiplies "
                "one input (the outputs of layer {previous} are {count:,} number per sample). Each neuron needs "
                "{count} weight, one per output of layer {previous}; each row of {field} has {per_neuron}.{note}"),
        "other": ("Weights {weights_shape} and inputs {inputs_shape} do not fit the dot product: each weight "
                  "multiplies one input (the outputs of layer {previous} are {count:,} numbers per sample). Each "
                  "neuron needs {count} weights, one per output of layer {previous}; each row of {field} has "
                  "{per_neuron}.{note}"),
    },
    "shape.dot_product_neuron_chained": {
        "one": ("Weights {weights_shape} and inputs {inputs_shape} do not fit the dot product: each weight multiplies "
                "one input (the outputs of layer {previous} are {count:,} number per sample). Each neuron needs "
                "{count} weight, one per output of layer {previous}; {field} has {per_neuron}.{note}"),
        "other": ("Weights {weights_shape} and inputs {inputs_shape} do not fit the dot product: each weight "
                  "multiplies one input (the outputs of layer {previous} are {count:,} numbers per sample). Each "
                  "neuron needs {count} weights, one per output of layer {previous}; {field} has "
                  "{per_neuron}.{note}"),
    },
    # a single neuron's bias written [value]: what NumPy would make of it
    "shape.bias_in_brackets": ("a single neuron's one bias is a plain number: write {value} without brackets. (NumPy "
                               "would accept [{value}]: np.dot(weights, inputs) + [{value}] gives an array of shape "
                               "(1,) holding the output, not the plain number a single neuron gives. For a layer of "
                               "one neuron, write the weights as a matrix, [[...]], and keep the brackets.)"),
    "shape.bias_in_brackets_batch": {  # {count}: the samples
        "one": ("a single neuron's one bias is a plain number: write {value} without brackets. (NumPy would accept "
                "[{value}]: np.dot(weights, inputs) + [{value}] gives the same {count} output, because it adds "
                "{value} to it (broadcasting). For a layer of one neuron, write the weights as a matrix, [[...]], and "
                "keep the brackets.)"),
        "other": ("a single neuron's one bias is a plain number: write {value} without brackets. (NumPy would accept "
                  "[{value}]: np.dot(weights, inputs) + [{value}] gives the same {count} outputs, because it adds "
                  "{value} to each (broadcasting). For a layer of one neuron, write the weights as a matrix, [[...]], "
                  "and keep the brackets.)"),
    },
    "shape.one_bias": "a single neuron has one bias: write one plain number, such as 2.0, without brackets.{note}",
    # {example}: the items of a Python list of zeros
    "shape.biases_scalar": ("{neurons} neurons need {neurons} biases, one each; {field} is a single number. Write a "
                            "list such as [{example}]."),
    "shape.biases_count": {  # {count}: the neurons; {given}: the biases written
        "one": "{count:,} neuron needs {count:,} bias; {field} has {given}.{note}",
        "other": "{count:,} neurons need {count:,} biases; {field} has {given}.{note}",
    },
    "shape.whole_overflows": ("{field} holds a whole number too large for a float (beyond about 1.8e308), and another "
                              "field holds decimals: together they compute as floats, as in NumPy, and this one "
                              "overflows. Use smaller numbers."),
    "shape.whole_overflows_chained": ("the outputs of layer {previous} hold a whole number too large for a float "
                                      "(beyond about 1.8e308), and another field holds decimals: together they "
                                      "compute as floats, as in NumPy, and this one overflows. Use smaller numbers."),
    "shape.whole_too_long": ("{field} holds whole numbers so long that the outputs would have more than 4,300 digits, "
                             "more than Python prints. Use shorter numbers, or decimals such as 1.5e300."),
    "shape.whole_too_long_chained": ("the outputs of layer {previous} hold whole numbers so long that the outputs "
                                     "would have more than 4,300 digits, more than Python prints. Use shorter "
                                     "numbers, or decimals such as 1.5e300."),
    "shape.too_much_work": ("these fields need {total:,} multiply-adds; Python in your browser does about {millions} "
                            "million a second, so this would take about {seconds:.0f} s while the page waits. Layer "
                            "Lens computes at most {most:,} in the browser: use fewer samples, features or neurons "
                            "(the command line, python3 -m pycore, has no such limit)."),
    "shape.overflow": ("layer {number}'s outputs overflow to infinity: {field} holds numbers as large as "
                       "{largest:.3g}, too large to multiply and add within a float's range (about 1.8e308). Use "
                       "smaller numbers."),
    "shape.overflow_chained": ("layer {number}'s outputs overflow to infinity: layer {previous}'s outputs, which "
                               "reach {largest:.3g}, too large to multiply and add within a float's range (about "
                               "1.8e308). Use smaller numbers."),
    # -- check: NumPy and the loops computed different numbers (a bug, not the learner's mistake) --
    "check.numpy_missing": "NumPy was asked for but does not import",
    "check.disagree": "layer {number}: the Python loops give {loops!r} but NumPy gives {numpy!r}",
    "check.activation_disagree": "layer {number}: {activation} of {output!r} gives {loops!r} in Python, {numpy!r} in NumPy",
    # -- the textbook's stages, by Stage.name (stages.py holds their code, this their words) ----
    # headline: {samples} (steps.samples), {neurons} (a count of neurons); product_words:
    # {dot_products} (a count of dot products), {cells} (a count of cells)
    "stage.neuron.headline": "one sample through a single neuron",
    "stage.neuron.outputs_words": "the neuron's output, a single number",
    "stage.neuron.product_title": "The dot product",
    "stage.neuron.product_words": "Each input is multiplied by its weight, and the products are summed.",
    "stage.neuron.bias_words": "The bias shifts the sum up or down.",
    "stage.neuron.loops_title": "The loop: each input times its weight, added up",
    "stage.layer.headline": "one sample through a layer of {neurons}",
    "stage.layer.outputs_words": "one output per neuron",
    "stage.layer.product_title": "The dot products",
    "stage.layer.product_words": ("With one sample no transposition is needed: np.dot takes each row of weights (one "
                                  "neuron) and dots it with the inputs, giving {dot_products}, one per neuron."),
    "stage.layer.bias_words": ("Vector addition, element by element: neuron i's bias is added to neuron i's dot "
                               "product."),
    "stage.layer.loops_title": "The loops: for each neuron, each input times its weight, added up",
    "stage.batch.headline": "{samples} through a layer of {neurons}",
    "stage.batch.outputs_words": "one row per sample, one column per neuron",
    "stage.batch.product_title": "The matrix product",
    "stage.batch.product_words": ("Each of the {cells} is the dot product of one sample (a row of inputs) with one "
                                  "neuron's weights (a column of weightsᵀ)."),
    "stage.batch.bias_words": ("The bias vector is added to every row: bias j goes to column j, so every sample gets "
                               "neuron j's bias."),
    "stage.batch.loops_title": "The loops: for each sample, for each neuron, each input times its weight, added up",
    "stage.batch_neuron.headline": "{samples} through a single neuron",
    "stage.batch_neuron.outputs_words": "one output per sample",
    "stage.batch_neuron.product_title": "The dot products",
    "stage.batch_neuron.product_words": ("Each sample (a row of inputs) is dotted with the neuron's weights, giving "
                                         "{dot_products}, one per sample."),
    "stage.batch_neuron.bias_words": "The neuron's one bias is added to every sample's dot product.",
    "stage.batch_neuron.loops_title": "The loops: for each sample, each input times the neuron's weight, added up",
    # -- activations, by Activation.name: its title, its formula as the seed writes it, its words --
    # title: in headings and choices; name: inside a sentence; function: written as f(x)
    "activation.none.title": "No activation",
    "activation.none.name": "no activation",
    "activation.none.function": "x",
    "activation.none.formula": "x",
    "activation.none.words": "The outputs pass on as they are.",
    "activation.step.title": "The step function",
    "activation.step.name": "the step function",
    "activation.step.function": "step",
    "activation.step.formula": "1 if x > 0 else 0",
    "activation.step.words": ("A neuron fires or not: the step function gives 1 where the output is greater than 0, "
                              "and 0 everywhere else."),
    "activation.relu.title": "ReLU",
    "activation.relu.name": "ReLU",
    "activation.relu.function": "ReLU",
    "activation.relu.formula": "max(0, x)",
    "activation.relu.words": ("ReLU (rectified linear) keeps every output above 0 as it is and turns every output at "
                              "or below 0 into 0."),
    # -- steps: what the page and the terminal say about a layer (a hint is the page's only) ----
    "steps.headline": "Layer {number}: {what}",
    "steps.samples": {"one": "one sample (a row vector)", "other": "a batch of {count:,} samples"},
    "steps.shape_scalar": "() — a single number",
    # a product cell: {row} and {column} are labels; sample 2 · neuron 3 (the page's button names)
    "steps.label.neuron_alone": "neuron",
    "steps.label.inputs_alone": "inputs",
    "steps.label.cell": "{row} · {column}",
    "steps.pairs.vectors": "the row vector inputs · the column vector weightsᵀ",
    "steps.pairs.batch": "row {row} of inputs · column {column} of weightsᵀ",
    "steps.pairs.weights_left": "its weights · the inputs",
    "steps.pairs.inputs_left": "its inputs · the neuron's weights",
    "steps.network.title": "The network",
    # {count}: the inputs; {neurons}: a count of neurons; {weights}: a count of weights
    "steps.network.text": {
        "one": ("One input on the left, {neurons} on the right: every input connects to every neuron, and each "
                "connection carries one weight ({weights} in all). A neuron multiplies each input by its weight, adds "
                "them up, then adds its bias."),
        "other": ("{count:,} inputs on the left, {neurons} on the right: every input connects to every neuron, and "
                  "each connection carries one weight ({weights} in all). A neuron multiplies each input by its "
                  "weight, adds them up, then adds its bias."),
    },
    "steps.network.text_no_bias": {
        "one": ("One input on the left, {neurons} on the right: every input connects to every neuron, and each "
                "connection carries one weight ({weights} in all). A neuron multiplies each input by its weight, adds "
                "them up."),
        "other": ("{count:,} inputs on the left, {neurons} on the right: every input connects to every neuron, and "
                  "each connection carries one weight ({weights} in all). A neuron multiplies each input by its "
                  "weight, adds them up."),
    },
    "steps.network.line": ("With one input, the neuron draws a line: output = weight · input + bias. The weight is its "
                           "slope, the bias shifts it up or down; drag the sliders to turn the knobs."),
    "steps.network.hint": "Blue edges carry positive weights, orange ones negative; the thicker, the larger.",
    "steps.network.hint_select": "Select a neuron to light its weights everywhere on the page.",
    "steps.network.hint_samples": "The diagram shows one sample at a time.",
    "steps.chain.linear": ("Layer {previous} has no activation, so layers {previous} and {number} together are still "
                           "one linear layer: multiplying by layer {previous}'s weights and then by layer {number}'s "
                           "is the same as multiplying once by their product, and the biases add up the same way. An "
                           "activation between them (ReLU) is what makes two layers more than one."),
    "steps.chain.bent": ("{activation} between layers {previous} and {number} bends what they compute: it is no longer "
                         "a straight-line (linear) function of the inputs, so the two layers can compute what no "
                         "single layer can."),
    "steps.shapes.title": "Shapes",
    "steps.read_as.inputs": ("Inputs is the plain number {value}: it is read as one sample with one feature, [{value}], "
                             "as np.dot reads a plain number."),
    "steps.read_as.weights": ("Weights is the plain number {value}: it is read as the one weight of a neuron with one "
                              "input, [{value}], as np.dot reads a plain number."),
    # {features}, {samples}: counts of features and samples
    "steps.inputs.one": "inputs {shape}: one sample with {features}.",
    "steps.inputs.one_chained": "inputs {shape} (the outputs of layer {previous}): one sample with {features}.",
    "steps.inputs.row": "inputs {shape}: a row vector, one sample with {features}.",
    "steps.inputs.row_chained": ("inputs {shape} (the outputs of layer {previous}): a row vector, one sample with "
                                 "{features}."),
    "steps.inputs.batch": "inputs {shape}: {samples}, {features} each.",
    "steps.inputs.batch_chained": "inputs {shape} (the outputs of layer {previous}): {samples}, {features} each.",
    # {neurons}, {weights}: counts of neurons and weights
    "steps.weights.one_neuron": "weights {shape}: one neuron, a row of {weights} (one per input feature).",
    "steps.weights.one_neuron_chained": ("weights {shape}: one neuron, a row of {weights} (one per output of layer "
                                         "{previous})."),
    "steps.weights.neurons": "weights {shape}: {neurons}, one row each, {weights} per neuron (one per input feature).",
    "steps.weights.neurons_chained": ("weights {shape}: {neurons}, one row each, {weights} per neuron (one per output "
                                      "of layer {previous})."),
    "steps.weights.single": "weights {shape}: a single neuron, one weight per input feature.",
    "steps.biases.none": "no biases: the Biases field is empty, so nothing is added to the dot products.",
    "steps.biases.per_neuron": "biases {shape}: one bias per neuron.",
    "steps.biases.one": "bias () (a single number: shape ()): the neuron's one bias.",
    "steps.transpose.title": "Why the weights are transposed",
    "steps.transpose.rule": ("The matrix product pairs every row of the left matrix with every column of the right "
                             "one, so the second dimension of the left matrix must equal the first dimension of the "
                             "right one."),
    # {features}: inputs per sample (weights per neuron); {neurons}: the rows of weights
    "steps.transpose.mismatch": "inputs {inputs_shape} · weights {weights_shape}: {features} ≠ {neurons}, the shapes do not fit.",
    "steps.transpose.square": ("inputs {inputs_shape} · weights {weights_shape}: {features} = {neurons}: the shapes "
                               "would fit, but only because weights is square; the product would pair each sample "
                               "with a column of weights, one weight from every neuron, which is not what a neuron "
                               "computes."),
    "steps.transpose.turn": ("Each row of weights holds one neuron's weights, but the product needs each neuron as a "
                             "column. Transposing turns rows into columns: row j of weights becomes column j of "
                             "weightsᵀ."),
    "steps.transpose.turn_row": {  # {count}: the one neuron's weights
        "one": ("Transposing turns the row vector weights {row_shape} into a column vector weightsᵀ {column_shape}: "
                "its {count:,} weight stands in one column."),
        "other": ("Transposing turns the row vector weights {row_shape} into a column vector weightsᵀ {column_shape}: "
                  "its {count:,} weights stand in one column."),
    },
    "steps.transpose.fit": ("inputs {inputs_shape} · weightsᵀ {transposed_shape}: {features} = {features}, the shapes "
                            "fit; the result has shape {result_shape}, one row per sample and one column per neuron."),
    "steps.transpose.fit_column": ("inputs {inputs_shape} · weightsᵀ {transposed_shape}: {features} = {features}, the "
                                   "shapes fit; the result has shape {result_shape}, one row per sample."),
    "steps.transpose.fit_one": ("inputs {inputs_shape} · weightsᵀ {transposed_shape}: {features} = {features}, the "
                                "shapes fit; the result has shape {result_shape}: one number, the dot product of the "
                                "two vectors."),
    "steps.product.title": "{title}: {expression}",
    "steps.product.one_cell": ("The one cell is the dot product of the row vector inputs with the column vector "
                               "weightsᵀ: a matrix product of shapes {row_shape} and {column_shape} gives a (1, 1) "
                               "matrix."),
    "steps.product.loops": ("The loops multiply each input by its weight and add the products up, one pair at a time: "
                            "{dot_products}, the very numbers {expression} computes at once."),
    "steps.product.hint": "Select a cell to see its terms.",
    "steps.product.loops_hint": "Select a line to see its sum written out.",
    "steps.biases.none_title": "No biases",
    "steps.biases.none_text": ("The Biases field is empty, so the outputs are the dot products themselves, as in "
                               "np.dot(a, b) with no bias."),
    "steps.biases.title_bias": "Add the bias: + bias",
    "steps.biases.title_biases": "Add the biases: + biases",
    "steps.activation.title": "Activation: {activation}, {formula}",
    "activation.relu.counted": {  # {count}: the outputs
        "one": "{changed} of the {count} output changed (marked ✱); the rest pass on as they are.",
        "other": "{changed} of the {count} outputs changed (marked ✱); the rest pass on as they are.",
    },
    "activation.step.counted": {
        "one": "{fired} of the {count} output fire (1); the rest are 0.",
        "other": "{fired} of the {count} outputs fire (1); the rest are 0.",
    },
    "steps.outputs.title": "Outputs",
    "steps.outputs.text": "Shape {shape}: {words}.",
    "steps.outputs.text_activated": "Shape {shape}: {words}, after {activation}.",
    "steps.outputs.one_by_one": "a 1×1 matrix holding one number, as a row vector times a column vector gives",
    "steps.exact": "Shown to {precision} decimals, as NumPy prints arrays; the float itself is {exact}.",
    "steps.engine.build": ("Computed when this page was built, by the same pycore code and its pure-Python loops; "
                           "Python in your browser takes over once it has loaded."),
    "steps.engine.numpy": "Computed by NumPy {version}, checked against the pure-Python loops on {cells}.",
    "steps.engine.numpy_browser": ("Computed in your browser by NumPy {version}, checked against the pure-Python loops "
                                   "on {cells}."),
    "steps.engine.python": "Computed by the pure-Python loops.",
    "steps.engine.python_browser": "Computed in your browser by the pure-Python loops.",
    "steps.engine.python_because": "Computed by the pure-Python loops ({reason}).",
    "steps.engine.python_browser_because": "Computed in your browser by the pure-Python loops ({reason}).",
    "steps.engine.reason.chosen": "as asked",
    "steps.engine.reason.chosen_terminal": "as asked: --no-numpy",
    "steps.engine.reason.missing": "NumPy is not loaded",
    "steps.engine.reason.missing_terminal": "NumPy is not installed",
    # -- text: the terminal's own words (python3 -m pycore prints the steps) -------------------
    "text.outputs": "outputs",
    "text.outputs_shape": "outputs {shape}",
    "text.equals_outputs": "= outputs",
    "text.showing": "(showing {shown} of {count:,} dot products)",
    "text.terms": {"one": "({count:,} term)", "other": "({count:,} terms)"},
    # -- diagram: the network diagram (its accessible name begins "Network diagram") ----------
    # {inputs}, {neurons}: counts of inputs and neurons; {number}: the layer's, or the neuron's
    "diagram.title": "Network diagram of layer {number}: {inputs}, {neurons}",
    "diagram.title_sample": "Network diagram of layer {number}: {inputs}, {neurons}, sample {sample} of {samples} shown",
    "diagram.head_inputs": "inputs",
    "diagram.head_neurons": "neurons",
    "diagram.bias": "+ {value} bias",
    "diagram.output": "= {value}",
    "diagram.about": ("Each input connects to every neuron, and each connection carries one weight (the weights table "
                      "lists them all)."),
    "diagram.inputs": "Inputs: {values}.",
    "diagram.neuron_output": "Neuron {number}: dot product {dot} = output {output}.",
    "diagram.neuron_output_bias": "Neuron {number}: dot product {dot} + bias {bias} = output {output}.",
    "diagram.neuron_bias": "Neuron {number}: bias {bias}.",
    # -- plot: a one-input neuron's line, and an activation function ---------------------------
    "plot.neuron.title": "Plot of the neuron's output against its input: output = {weight} · input",
    "plot.neuron.title_bias": "Plot of the neuron's output against its input: output = {weight} · input + {bias}",
    "plot.neuron.description": ("A straight line with slope {weight} (the weight) that crosses the output axis at "
                                "{bias} (the bias). {points}."),
    "plot.neuron.point": "The input {input} gives the output {output}",
    "plot.neuron.x_label": "input",
    "plot.neuron.y_label": "output",
    "plot.activation.title": "Plot of {activation}: {formula}, with layer {number}'s outputs on it",
    "plot.activation.description": "{words} The layer's outputs: {points}.",
    "plot.activation.description_more": "{words} The layer's outputs: {points} (and {more} more).",
    "plot.activation.point": "{before} gives {after}",
    "plot.activation.x_label": "output before",
    "plot.activation.y_label": "after",
    # -- examples: the gallery (examples.py), one title and caption per stage of the path ------
    "examples.weight_1.title": "A weight of 1",
    "examples.weight_1.caption": "one input, weight 1, bias 0: output = input",
    "examples.weight_2.title": "A weight of 2",
    "examples.weight_2.caption": "a larger weight, a steeper line",
    "examples.weight_negative.title": "A weight of -0.7",
    "examples.weight_negative.caption": "a negative weight turns the slope down",
    "examples.bias_2.title": "A bias of 2",
    "examples.bias_2.caption": "the bias shifts the whole line up",
    "examples.bias_negative.title": "A bias of -0.7",
    "examples.bias_negative.caption": "a negative bias shifts it down",
    "examples.single_neuron.title": "A single neuron",
    "examples.single_neuron.caption": "3 inputs, 3 weights and a bias: 2.3",
    "examples.four_inputs.title": "4 inputs",
    "examples.four_inputs.caption": "one more input, one more weight: 4.8",
    "examples.layer.title": "A layer of 3 neurons",
    "examples.layer.caption": "one sample, 3 neurons, each with its own weights and bias, in loops",
    "examples.dot_product.title": "The dot product",
    "examples.dot_product.caption": "a · b = [1, 2, 3] · [2, 3, 4] = 20, no bias",
    "examples.neuron_np_dot.title": "A neuron with np.dot",
    "examples.neuron_np_dot.caption": "np.dot(weights, inputs) + bias = 4.8",
    "examples.layer_np_dot.title": "The layer with np.dot",
    "examples.layer_np_dot.caption": "np.dot(weights, inputs) + biases on one sample",
    "examples.batch.title": "A batch of 3 samples",
    "examples.batch.caption": "where the weights must be transposed",
    "examples.row_times_column.title": "Row vector × column vector",
    "examples.row_times_column.caption": "a (1, 3) by (3, 1) matrix product: [[20]]",
    "examples.two_layers.title": "Two layers",
    "examples.two_layers.caption": "the first layer's outputs are the second layer's inputs",
    "examples.cannot_add_layer": ("Layer {number} is a single neuron (its weights are one list), so it gives one "
                                  "number per sample. To add a layer after it, write its weights as a matrix with one "
                                  "row: [[...]]."),
    # -- cli: python3 -m pycore (argparse's own words, such as "usage:", are argparse's) -------
    "cli.description": "Show every step of a dense layer: inputs · weightsᵀ + biases.",
    "cli.example": "example (the textbook's batch of 3 samples through a layer of 3 neurons):",
    "cli.epilog": ("Repeat --weights and --biases for each further layer; the outputs of one layer\n"
                   "are the inputs of the next. --activation relu (or step) after a layer's --biases\n"
                   "applies that activation to its outputs. Fields take the textbook's list syntax or a pasted\n"
                   "grid (numbers split by spaces or commas, rows by newlines or semicolons)."),
    "cli.help.inputs": "a sample or a batch",
    "cli.help.weights": "one neuron's weights, or one row per neuron (repeat per layer)",
    "cli.help.biases": "one bias per neuron (repeat per layer); empty for none",
    "cli.help.activation": "the activation of the layer whose --biases come just before: {choices} (default none)",
    "cli.help.json": "print the whole trace as one JSON object",
    "cli.help.full": "print every digit instead of at most 8 decimals",
    "cli.help.no_numpy": "compute with the pure-Python loops only",
    "cli.unpaired": "each layer needs --weights and --biases: got {weights} --weights and {biases} --biases",
    "cli.activation_first": "--activation belongs after its layer's --biases",
    "cli.activation_twice": "--activation given twice for layer {number}",
    "cli.error": "error: {message}",

    # -- links: what a link (or saved work) left out ------------------------------------------
    "link.too_large": ("These fields are too large for a link ({length:,} characters; a link holds up to "
                       "{most:,}), so the address does not hold them. They are kept in this browser and "
                       "come back when you reload."),
    "link.too_long": ("This link is {length:,} characters long; links of up to {most:,} are read. Your fields "
                      "are left as they were."),
    "link.no_field": "The link has no {field}; it starts empty.",
    "link.layer_gap": ("The link's “{key}” does not follow the layers before it (at most {most} layers, numbered "
                       "without gaps); it was left out."),
    "link.no_layer": "The link has no Weights or Biases; they start empty.",
    "link.no_equals": "The link's part “{part}” has no “=” and was left out.",
    "link.bad_encoding": "The link's value for “{key}” is not valid percent-encoded text and was left out.",
    "link.unknown_key": "The link's key “{key}” is not one Layer Lens knows; it was left out.",
    "link.twice": "The link gives “{key}” twice; the first one is used.",
    "link.not_cell": "The link's {key} “{value}” is not two whole numbers from 1, such as 2,3; it was left out.",
    "link.not_count": "The link's {key} “{value}” is not a whole number from 0; it was left out.",
    "link.unknown_flags": ("The link asks to {key} {unknown}, which Layer Lens does not know (it knows {known}); "
                           "that was left out."),
    "link.unknown_choice": "The link asks for an unknown {key} “{value}”; it was left out.",
    "link.step_missing": ("The link shows only the step “{step}”, which these fields do not have (one sample needs "
                          "no transposition; a layer with no activation has no activation step), so every step "
                          "is shown."),
    "work.unreadable": ("Your saved work could not be read (the browser's storage holds something else); the "
                        "example is shown instead."),

    # -- the player -------------------------------------------------------------------------
    "player.cell_outside": ("The link's cell {row},{column} is outside layer {layer}'s product, which has {rows} "
                            "and {columns}; the first cell is shown instead."),
    "player.cell_hidden": ("The link's cell {row},{column} is not among the cells layer {layer}'s product shows "
                           "(a large product shows its first and last rows and columns); the first cell is "
                           "shown instead."),
    "player.no_bias": "The link asks for the + bias moment of {label}, but this layer has no biases; the finished cell is shown.",
    "player.no_activation": ("The link asks for the activation moment of {label}, but this layer has no activation; "
                             "the finished cell is shown."),
    "player.no_done": "The link asks for a moment of {label} that is not there; the finished cell is shown.",
    "player.term_too_many": {
        "one": "The link's term {term} is more than the {count} term of {label}'s dot product; the finished cell is shown.",
        "other": "The link's term {term} is more than the {count} terms of {label}'s dot product; the finished cell is shown.",
    },
    "player.term": "{label}, term {term} of {count}: {accumulator} += n_input * weight: {before} + {input}×{weight} = {sum}",
    "player.zero": {"one": "{label}: {accumulator} = 0, then {count} multiply-add",
                    "other": "{label}: {accumulator} = 0, then {count} multiply-adds"},
    "player.bias": "{label}: + bias: {dot} + {bias} = {output}",
    "player.activation": "{label}: {activation}: {output} becomes {activated}",
    "player.done": "{label}: output {output} is filled in",
    "player.done_bias": "{label}: output {output} is filled in; the grid holds its dot product, {dot}, before the bias",
    "player.done_activation": ("{label}: output {output}, after {activation}, is filled in; the grid holds its dot "
                               "product, {dot}, before {activation}"),
    "player.done_bias_activation": ("{label}: output {output}, after {activation}, is filled in; the grid holds its "
                                    "dot product, {dot}, before the bias and {activation}"),
    "player.status": "Step {index} of {total}: {words}",
    "player.title": "Player",
    "player.first": "First step",
    "player.previous": "Previous step",
    "player.play": "Play",
    "player.next": "Next step",
    "player.last": "Last step",
    "player.speed": "Speed ",
    "player.speed.0.5": "slow",
    "player.speed.1": "normal",
    "player.speed.2": "fast",
    "player.speed.4": "fastest",
    "player.step_by": "Step by",
    "player.by_moments": "each multiply-add",
    "player.by_cells": "each cell",
    "player.keys": ("Keys in the player: ← and → step, Home and End go to the first and last step, Space plays and "
                    "pauses. In the product grid the arrows choose a cell. Anywhere else on the page: [ and ] step."),
    "player.motion": "Playing is off because your system asks for reduced motion; step with Next step.",
    "render.play_layer": "Play layer {number} step by step",
    "render.in_numpy": "In NumPy: ",

    # -- the Steps' pictures ------------------------------------------------------------------
    "arrow.transpose": "transpose",
    "figure.dot_products": "dot products",
    "figure.after": "after {activation}",
    "figure.outputs_of_layer": "outputs of layer {number}",
    "figure.changed": "changed",
    "axis.sample": "sample {number}",
    "axis.neuron": "neuron {number}",
    "grid.label": "{expression}: select a cell to see its dot product",
    "knob.weights": "Weight",
    "knob.biases": "Bias",
    "knob.outside": "(the field holds {value}; the slider reaches {low} to {high})",
    "knob.group": "The knobs of layer {number}'s neuron",
    "network.previous_sample": "Previous sample",
    "network.next_sample": "Next sample",
    "network.which_sample": "sample {sample} of {samples}",
    "network.neuron": "neuron {number}",
    "network.group": "Diagram of layer {number}",
    "loops.more": {"one": "… ({count} more dot product)", "other": "… ({count} more dot products)"},
    "loops.code": "the loops of layer {number}",
    "loops.vars": "the loop's variables",
    "detail.count": " ({terms})",
    "detail.bias": " (bias)",
    "detail.activation": "{activation}({output})",
    "detail.so_far": "so far: ",
    "outputs.hidden": "Hidden until you check your prediction above.",
    "code.hidden": "Hidden until you check your prediction above: it would print the answer.",

    # -- a teacher's exercise -------------------------------------------------------------------
    "exercise.tolerance": "within 0.01 (or 1 % of the answer, whichever is larger)",
    "exercise.after": ", after {activation}",
    "exercise.ask_shape": ("What shape will the outputs have? Type it as NumPy writes shapes, such as (3, 2), (3,) "
                           "or () for a single number."),
    "exercise.ask_the_output": "What is the output{after}? Type a number; it counts as right {tolerance}.",
    "exercise.ask_cell": "What is the output of {label}{after}? Type a number; it counts as right {tolerance}.",
    "exercise.ask_single": "What is the output (a single number){after}? Type it; it counts as right {tolerance}.",
    "exercise.ask_outputs": ("What are all the outputs, shape {shape}{after}? Type them as a list, such as "
                             "[[1, 2], [3, 4]]; each counts as right {tolerance}."),
    "exercise.empty": "Type your prediction first, then press Check.",
    "exercise.try_again": "Nothing is revealed yet: correct it and press Check again.",
    "exercise.not_shape": "“{guess}” is not a shape. Type it as NumPy writes shapes, such as (3, 2).",
    "exercise.not_number": "“{guess}” is not a number.",
    "exercise.unreadable": "Your answer could not be read: {reason}",
    "exercise.shape_right": "Right: the outputs' shape is {shape}. {rule}",
    "exercise.shape_wrong": "Not quite: the outputs' shape is {shape}, not {given}. {rule}",
    "exercise.shape_kept_features": ("Your {shape} keeps the {count} input features, but each dot product sums them "
                                     "away: {features} in, one number out."),
    "exercise.shape_dimensions": "Your {shape} has {given}; the outputs have {dimensions}.",
    "exercise.rule_batch": ("The matrix product of inputs ({samples}, {features}) and weightsᵀ ({features}, {neurons}) "
                            "takes its rows from the left (the {sample_words}) and its columns from the right (the "
                            "{neuron_words}): ({samples}, {neurons})."),
    "exercise.rule_layer": "np.dot(weights, inputs) gives one number per neuron: ({neurons},).",
    "exercise.rule_batch_neuron": "np.dot(inputs, weights) gives one number per sample: ({samples},).",
    "exercise.rule_neuron": "A single neuron with one sample gives one number: shape ().",
    "exercise.cell_right": "Right: {label} is {answer} (you said {given}, {tolerance}).",
    "exercise.cell_wrong": "Not quite: {label} is {answer}, you said {given}.",
    "exercise.cell_worked": "The dot product below is worked out term by term.",
    "exercise.before_activation": "That is the output before {activation} ({before}); {activation} is part of the question.",
    "exercise.before_bias": "That is the dot product alone ({dot}): the bias, {bias}, is still to be added.",
    "exercise.outputs_shape": "Not quite: the outputs have shape {shape}, your answer {given}. The outputs are shown below.",
    "exercise.outputs_right": "Right: every output matches, {tolerance}.",
    "exercise.should_be": "{given} should be {answer}",
    "exercise.more": ", and {count} more",
    "exercise.outputs_wrong": "Not quite: {count} of {total} outputs differ ({listed}).",
    "exercise.all_before_activation": "These are the outputs before {activation}; {activation} is part of the question.",
    "exercise.all_before_bias": "These are the dot products alone: the biases are still to be added.",
    "exercise.outputs_worked": "The worked steps are below.",
    "exercise.show_step": "Show the worked step",
    "exercise.again": "The fields changed: predict again for these numbers.",

    # -- the page around the Steps -----------------------------------------------------------
    "chrome.title": "Layer Lens: what a dense layer computes",
    "chrome.description": ("See every step a dense layer of neurons computes: shapes, the transposition, each dot "
                           "product, the biases, the outputs."),
    "chrome.name": "Layer Lens",
    "chrome.skip": "Skip to the steps",
    "chrome.tagline": "Type a batch of inputs, a layer's weights and its biases, and watch every step of",
    "chrome.update": "A new version of Layer Lens has been published.",
    "chrome.reload": "Reload to use it",
    "chrome.update_kept": "Your fields are kept.",
    "chrome.loading_label": "Loading Python",
    "chrome.loading": ("Loading Python in your browser. Until it is ready, you see the example as it was computed "
                       "when this page was built."),
    "chrome.path": "The textbook's path",
    "chrome.examples": "Examples",
    "chrome.fields": "Fields",
    "chrome.predict_jump": "This link asks a question: predict first ↓",
    "chrome.hint.inputs": "One sample [1, 2, 3, 2.5], or a batch: one row per sample.",
    "chrome.hint.weights": "One row per neuron, one weight per input feature.",
    "chrome.hint.biases": "One bias per neuron (a single number for a single neuron).",
    "chrome.layer": "Layer {number}",
    "chrome.activation_none": "none",
    "chrome.activation_choice": "{title}: {formula}",
    "chrome.add_layer": "Add a layer",
    "chrome.remove_layer": "Remove the last layer",
    "chrome.reset": "Reset to the example",
    "chrome.copy_link": "Copy link",
    "chrome.recent": "Your recent work",
    "chrome.recent_hint": "What you had before a link, an example or Reset replaced it, kept in this browser.",
    "chrome.copy_this": "Copy this link",
    "chrome.huge_show": "Show the text anyway",
    "chrome.huge_clear": "Clear the field",
    "chrome.report": "Report",
    "chrome.predict": "Predict first",
    "chrome.prediction": "Your prediction",
    "chrome.check": "Check",
    "chrome.outputs": "Layer outputs",
    "chrome.steps": "Steps",
    "chrome.view": "Show the product as",
    "chrome.view.numpy": "the matrix product (NumPy)",
    "chrome.view.loops": "the textbook's loops",
    "chrome.code": "Code",
    "chrome.code_hint": "Both programs compute the outputs above. Copy one into a file and run it with",
    "chrome.code.loops": "Plain Python, with the textbook's loops",
    "chrome.code.numpy": "NumPy",
    "chrome.copy": "Copy",
    "chrome.copy.loops": "Copy the plain Python program",
    "chrome.copy.numpy": "Copy the NumPy program",
    "chrome.footer": ("Layer Lens runs entirely in your browser: Python (Pyodide) computes every number here; "
                      "nothing you type leaves this page."),
    "chrome.embed": "For a slide or an iframe, add flags to a copied link:",
    "chrome.embed_steps": "(any of them) and one of these to show one worked step:",

    # -- what the page's glue says itself (written into the built page: web/words.js) ---------------
    "chrome.computing": "Computing…",
    "page.cell.value": "{label}: {value}",
    "page.cell.so_far": "{label}: {value} so far",
    "page.cell.pending": "{label}: not computed yet",
    "page.player.play": "Play",
    "page.player.pause": "Pause",
    "page.player.reduced": "Playing is off: your system asks for reduced motion. Step with Next step.",
    "page.huge.size": ("{field} holds {count} characters: too many to show here without freezing the page for a "
                       "moment. They are computed as usual."),
    "page.layers.loading": "Adding a layer and Reset work once Python has loaded.",
    "page.layers.most": "Layer Lens shows at most {count} layers.",
    "render.nothing": "Nothing to show yet: fix the field marked in red.",
    "render.nothing_hidden": "Nothing to show: the fields of this link have a mistake, and the link hides the editors.",
    "page.stale.loading": ("Python is still loading: the results below are the example's, as computed when this page "
                           "was built. Your change is computed as soon as Python is ready."),
    "page.stale.one": "Out of date: these results are for the last fields that computed. Fix {field} to update them.",
    "page.stale.many": ("Out of date: these results are for the last fields that computed. Fix the fields marked in "
                        "red to update them."),
    "page.scrolls": "Scrolls sideways",
    "page.engine.bug": ("Layer Lens hit a bug in its Python code. Your fields are kept, and your next edit tries "
                        "again. If it happens again, please copy this report into an issue:"),
    "page.engine.stopped": ("Python stopped answering again, at these fields, so this page no longer computes. Your "
                            "fields are kept: change them, then reload the page to try again. If it happens again, "
                            "please copy this report into an issue:"),
    "page.engine.restarted": ("Python stopped answering in this page, so Layer Lens started it again (the page was "
                              "reloaded). Your fields are kept. If it happens again, please copy this report into "
                              "an issue:"),
    "page.engine.report": "Layer Lens {version}: the engine's {call} failed.\n{error}\nPage: {page}\nBrowser: {browser}",
    "page.engine.timeout": "No answer in {seconds} s.",
    "page.engine.not_live": "Python has not started.",
    "page.start_failed": ("Python could not start in this browser, so the page cannot compute new fields. The example "
                          "shown was computed when the page was built. ({error})"),
    "page.work.unreadable": ("Some of your saved work could not be read (the browser's storage holds something Layer "
                             "Lens did not write); it was left aside."),
    "page.work.late": ("Your last change to large work was not saved in time (the page closed within a moment of "
                       "it): the work as it was just before is shown."),
    "page.recent.summary": "{time}, {why}: inputs {inputs}, {layers}",
    "page.recent.layers": {"one": "{count} layer", "other": "{count} layers"},
    "page.recent.before_link": "before a link was opened",
    "page.recent.before_example": "before an example was opened",
    "page.recent.before_reset": "before Reset",
    "page.recent.before_recent": "before earlier work was opened",
    "page.recent.open": "Open",
    "page.recent.open_label": "Open: {summary}",
    "page.reset_which": "{number}. {title}",
    "page.copy.waiting": "Copying once the link is up to date…",
    "page.copy.no_link": "No link to copy: see the note below.",
    "page.copy.done": "Link copied.",
    "page.copy.by_hand": "Select the link below and copy it.",
    "page.copy.program": "Copied.",
    "page.copy.selected": "Selected: press Ctrl+C (⌘C) to copy.",

    # -- the Code region's programs: their comments, one line each ("\n" between them) ----------
    "code.read_as": "a plain number, read as a list of one",
    "code.too_big": ("These fields hold {count:,} numbers: too many to write out as a program here\n(the limit is "
                     "{most:,}). The steps above show every result."),
    "code.loops": "Plain Python: the textbook's loops.",
    "code.numpy": "NumPy, as the textbook writes it.",
    "code.layer": "Layer {number}",
    "code.digits": ("print() writes every digit of each float: {exact} is the number the page shows as\n{shown}, "
                    "rounded to {precision} decimals as NumPy prints arrays. Same float, shorter text."),
    "code.object_dtype": ("These integers are too large for NumPy's int64, which would wrap around:\ndtype=object "
                          "keeps Python's exact integers."),
    "engine.numpy_failed": "NumPy did not load ({error}); computing with the Python loops.",
}
