"""One shape for a finder's facets: search types, resource filters and case-study facets."""

import dataclasses

from django.forms import BoundField


@dataclasses.dataclass(frozen=True)
class Option:
    """One value a facet can take, with how many results choosing it would give."""

    value: str
    label: str
    count: int | None = None
    selected: bool = False


@dataclasses.dataclass
class Facet:
    """A named filter, its options, the form field it is read from, and any refusal."""

    name: str
    label: str
    options: list[Option]
    field: BoundField | None = None
    remove_url: str = ""
    empty_label: str = "Any"
    errors: list[str] = dataclasses.field(default_factory=list)

    @property
    def selected(self) -> Option | None:
        """The chosen option, if any."""
        return next((option for option in self.options if option.selected), None)


def choice_options(bound_field: BoundField, *, with_empty: bool = True) -> list[Option]:
    """A choice field's options, marked selected by the field's value."""
    current = str(bound_field.value() or "")
    return [
        Option(value=str(value), label=str(label), selected=str(value) == current)
        for value, label in bound_field.field.choices
        if with_empty or str(value) != ""
    ]


def form_facets(form) -> list[Facet]:
    """A facet for each choice field of a filter form, options taken from its choices."""
    return [
        Facet(
            name=bound.name,
            label=str(bound.label),
            options=choice_options(bound, with_empty=False),
            field=bound,
            empty_label=next(
                (str(label) for value, label in bound.field.choices if str(value) == ""), "Any"
            ),
            errors=list(bound.errors),
        )
        for bound in form
        if hasattr(bound.field, "choices")
    ]
