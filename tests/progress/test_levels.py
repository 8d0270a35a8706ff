"""Maturity levels go by their number where the strategy's own name for them is not confirmed."""

from hub.models import Level, MaturityLevel
from progress.forms import level_field
from progress.models import Answer


def test_levels_1_and_2_go_by_number_and_the_others_by_name():
    assert [label for _, label in Level.choices] == [
        "Level 1",
        "Level 2",
        "Mature",
        "Leader",
        "Innovator",
    ]
    answer = Answer(current_level=2, target_level=3)
    assert (answer.current_label, answer.target_label) == ("Level 2", "3. Mature")
    radios = [label for _, label in level_field("Current level").choices]
    assert radios == ["Level 1", "Level 2", "3. Mature", "4. Leader", "5. Innovator"]
    assert str(MaturityLevel(level=1, name="Level 1")) == "Level 1"
    assert str(MaturityLevel(level=4, name="Leader")) == "4. Leader"
