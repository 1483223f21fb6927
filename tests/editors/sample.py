"""A small file with findings, opened by the editor tests."""


def shout(words):
    text = ""
    for word in words:
        text += word.upper()
    return text


def is_vowel(letter):
    return letter in ["a", "e", "i", "o", "u"]


def squares(numbers):
    result = []
    for n in numbers:
        result.append(n * n)
    return result


print(shout(["a", "b"]), is_vowel("e"), squares([1, 2]))
