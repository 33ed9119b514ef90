"""Placeholder cleaner: replaced by the real one."""


def clean_text(text: str) -> str:
    return text.strip()
