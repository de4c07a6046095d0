// Runs before Python: tells the stylesheet whether the pre-rendered example is
// what the address asks for. It does not read the fragment's contents: only
// pycore parses links.
if (location.hash.length > 1) document.body.classList.add("opening-link");
