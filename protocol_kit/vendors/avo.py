"""placeholder until written"""


def detect(document):
    return False
