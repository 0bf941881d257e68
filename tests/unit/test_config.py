"""Settings are declared once (config.Settings), documented in README, and fail clearly."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from harmattan.config import Settings, load_settings
from harmattan.errors import ConfigError

README = Path(__file__).resolve().parents[2] / "README.md"


def test_config_every_setting_is_documented_in_readme() -> None:
    section = README.read_text(encoding="utf-8").split("## Settings", 1)[1].split("\n## ", 1)[0]
    documented = set(re.findall(r"^\| `(\w+)` \|", section, flags=re.M))
    assert documented == set(Settings.model_fields)


def test_config_reads_the_environment(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("HARMATTAN_DATA_DIR", str(tmp_path))
    monkeypatch.setenv("HARMATTAN_PORT", "8123")
    settings = load_settings()
    assert settings.data_dir == tmp_path
    assert settings.port == 8123
    assert settings.resolved_database_url == f"sqlite:///{tmp_path / 'harmattan.sqlite'}"


def test_config_bad_value_names_the_setting(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("HARMATTAN_PORT", "not-a-port")
    with pytest.raises(ConfigError, match="port"):
        load_settings()


def test_config_rejects_unsupported_language() -> None:
    with pytest.raises(ConfigError, match="languages"):
        load_settings(languages=("en", "de"))


def test_config_file_is_read_and_the_environment_wins(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    config = tmp_path / "harmattan.toml"
    config.write_text('port = 9001\nhost = "0.0.0.0"\n', encoding="utf-8")
    monkeypatch.setenv("HARMATTAN_PORT", "9002")
    settings = load_settings(config_file=config)
    assert settings.host == "0.0.0.0"
    assert settings.port == 9002


def test_config_unreadable_file_is_a_config_error(tmp_path: Path) -> None:
    config = tmp_path / "bad.toml"
    config.write_text("port = = 3", encoding="utf-8")
    with pytest.raises(ConfigError, match="config file"):
        load_settings(config_file=config)
