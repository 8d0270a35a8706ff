from django import template

from casestudies.models import CaseStudyIndexPage, CaseStudyPage


register = template.Library()

RELATED_COUNT = 3


@register.inclusion_tag("components/casestudy_related.html", takes_context=True)
def related_case_studies(context, page):
    """Case studies about the same subject as a case study, key area or category strategy.

    On a case study it reuses the terms its page context has already read.
    """
    if isinstance(page, CaseStudyPage):
        terms = context.get("terms") or page.read_terms()
        case_studies = CaseStudyPage.objects.live().public().related_to(page, terms)
        finder_filter = None
    elif key_area := getattr(page, "key_area", None):
        case_studies = CaseStudyPage.objects.live().public().about(key_areas=[key_area])
        finder_filter = ("key_area", key_area.slug)
    elif category := getattr(page, "category", None):
        case_studies = CaseStudyPage.objects.live().public().about(categories=[category])
        finder_filter = ("category", category.slug)
    else:
        return {"case_studies": []}
    case_studies = list(case_studies.for_card()[:RELATED_COUNT])
    request = context.get("request")
    finder_url = None
    if finder_filter and case_studies:
        finder = CaseStudyIndexPage.objects.live().public().first()  # one finder per hub
        if finder is not None:
            finder_url = f"{finder.get_url(request=request)}?{finder_filter[0]}={finder_filter[1]}"
    return {"request": request, "case_studies": case_studies, "finder_url": finder_url}
