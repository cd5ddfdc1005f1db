import pytest

from localpicture.models import CrimeCount, LocalPicturePage, PoliceImport


@pytest.fixture
def local_picture_page(db):
    return LocalPicturePage.objects.get(slug="local-picture")


@pytest.fixture
def no_police_data(db):
    """Start without the demo's illustrative counts."""
    CrimeCount.objects.all().delete()
    PoliceImport.objects.all().delete()


@pytest.fixture
def write_file(tmp_path):
    def write(name: str, content: bytes):
        path = tmp_path / name
        path.write_bytes(content)
        return path

    return write
