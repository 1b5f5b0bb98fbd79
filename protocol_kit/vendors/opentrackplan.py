"""placeholder"""
def detect(document):
    return False
