import eventwire
from eventwire import errors


def test_all_is_sorted_and_importable():
    assert eventwire.__all__ == sorted(eventwire.__all__)
    for name in eventwire.__all__:
        assert hasattr(eventwire, name)


def test_error_codes_are_unique():
    classes = [errors.EventwireError, errors.InputError, errors.KnowledgeError, errors.ModelError, errors.StoreError]
    codes = [c.code for c in classes]
    assert len(codes) == len(set(codes))
    assert str(errors.InputError("fix it")).startswith("[E100]")
