"""A small file with findings, opened by the editor tests."""


def shout(words):
    text = ""
    for word in words:
        text += word.upper()
    return text


for letter in "aeiou":
    seen = letter in ["a", "e", "i", "o", "u"]


def squares(numbers):
    result = []
    for n in numbers:
        result.append(n * n)
    return result


print(shout(["a", "b"]), seen, squares([1, 2]))
