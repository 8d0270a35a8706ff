import pytest

from django.test import RequestFactory

from hub.middleware import find_site


@pytest.mark.django_db
def test_site_lookup_is_cached_but_each_request_gets_its_own_instance(
    home, django_assert_num_queries
):
    request = RequestFactory().get("/")
    first = find_site(request)
    with django_assert_num_queries(0):
        second = find_site(RequestFactory().get("/"))
    assert first.pk == second.pk == home.get_site().pk
    assert first is not second


@pytest.mark.django_db
def test_saving_a_site_clears_the_cache(home):
    site = find_site(RequestFactory().get("/"))
    site.site_name = "Renamed hub"
    site.save()
    assert find_site(RequestFactory().get("/")).site_name == "Renamed hub"
