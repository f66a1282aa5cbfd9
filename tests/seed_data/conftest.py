import pytest

from tests.seed_data.helpers import use_cheap_hashing


@pytest.fixture(autouse=True)
def _cheap_hashing(monkeypatch):
    use_cheap_hashing(monkeypatch)
