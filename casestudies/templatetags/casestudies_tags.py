from django import template

from casestudies.models import CaseStudyIndexPage, CaseStudyPage


register = template.Library()

RELATED_COUNT = 3


@register.inclusion_tag("components/casestudy_related.html", takes_context=True)
def related_case_studies(context, page):
    """Case studies about the same subject as a case study, key area or category strategy."""
    if isinstance(page, CaseStudyPage):
        case_studies = CaseStudyPage.objects.live().public().related_to(page)
        finder_filter = None
    elif key_area := getattr(page, "key_area", None):
        case_studies = CaseStudyPage.objects.live().public().about(key_areas=[key_area])
        finder_filter = ("key_area", key_area.slug)
    elif category := getattr(page, "category", None):
        case_studies = CaseStudyPage.objects.live().public().about(categories=[category])
        finder_filter = ("category", category.slug)
    else:
        return {"case_studies": []}
    case_studies = list(case_studies.for_listing()[:RELATED_COUNT])
    finder = CaseStudyIndexPage.objects.live().first() if finder_filter and case_studies else None
    return {
        "request": context.get("request"),
        "case_studies": case_studies,
        "finder": finder,
        "finder_query": f"?{finder_filter[0]}={finder_filter[1]}" if finder else "",
    }
