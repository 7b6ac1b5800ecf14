//! The JSON API under `/api`: countries, documents, sections, facts, assessments (with
//! `?set=FINDING=VALUE` overrides), tier history, search with facets, diffs, exports and
//! saved worksheets. Every handler calls the app layer; lists are paged (`?limit&offset`).

use crate::data::{self, CountryRow, MapYear, Page, Paging};
use crate::error::{ApiError, ErrorBody};
use crate::extract::{pairs, P, Q};
use crate::state::AppState;
use axum::extract::{RawQuery, State};
use axum::http::header;
use axum::response::{IntoResponse, Response};
use axum::Json;
use serde::{Deserialize, Serialize};
use serde_json::{json, Value};
use tierwatch_app::assess::{assess_narrative, Mode};
use tierwatch_app::lookup;
use tierwatch_model::{FactKind, SectionKind, Tier};
use tierwatch_search::{Filters, SearchRequest};
use utoipa::{IntoParams, ToSchema};

type ApiResult<T> = Result<Json<T>, ApiError>;

fn iso3(name: &str) -> Result<String, ApiError> {
    Ok(lookup::country(name)?.iso3.clone())
}

#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct CountryFilter {
    /// Only countries of this State Department region.
    pub region: Option<String>,
}

/// Countries in the registry with the years the store holds.
#[utoipa::path(get, path = "/api/countries", params(Paging, CountryFilter),
    responses((status = 200, description = "ok", body = Page), (status = 400, description = "bad_request", body = ErrorBody)))]
pub async fn countries(State(s): State<AppState>, Q(p): Q<Paging>, Q(f): Q<CountryFilter>) -> ApiResult<Page> {
    s.run(move |ctx| {
        let region = f.region.as_deref().map(tierwatch_app::search::resolve_region).transpose()?;
        let rows: Vec<CountryRow> = data::countries(ctx)?.into_iter().filter(|c| region.as_ref().is_none_or(|r| &c.region == r)).collect();
        Ok(Json(p.page(rows)))
    })
    .await
}

#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct DocumentFilter {
    /// Country name, alias or ISO3.
    pub country: Option<String>,
    pub year: Option<u16>,
}

/// Stored narratives (one per country-year).
#[utoipa::path(get, path = "/api/documents", params(Paging, DocumentFilter),
    responses((status = 200, description = "ok", body = Page), (status = 404, description = "not_found or unknown_country", body = ErrorBody)))]
pub async fn documents(State(s): State<AppState>, Q(p): Q<Paging>, Q(f): Q<DocumentFilter>) -> ApiResult<Page> {
    s.run(move |ctx| {
        let iso = f.country.as_deref().map(iso3).transpose()?;
        let rows: Vec<_> = ctx
            .store
            .list()?
            .into_iter()
            .filter(|d| iso.as_ref().is_none_or(|i| &d.iso3 == i) && f.year.is_none_or(|y| d.report_year == y))
            .collect();
        Ok(Json(p.page(rows)))
    })
    .await
}

/// One narrative: metadata, sources and text.
#[utoipa::path(get, path = "/api/documents/{country}/{year}",
    params(("country" = String, Path, description = "name, alias or ISO3"), ("year" = u16, Path)),
    responses((status = 200, description = "ok", body = Object), (status = 404, description = "not_found or unknown_country", body = ErrorBody)))]
pub async fn document(State(s): State<AppState>, P((country, year)): P<(String, u16)>) -> ApiResult<Value> {
    s.run(move |ctx| {
        let d = lookup::narrative(ctx.store, &country, year)?;
        Ok(Json(json!({
            "document_id": d.document.id.0,
            "format": d.document.format.code(),
            "metadata": d.document.metadata,
            "sources": d.sources,
            "extractor_set_version": d.extractor_set_version,
            "sections": d.segmentation.kinds(),
            "facts": d.facts.len(),
            "text": d.document.text,
        })))
    })
    .await
}

/// A narrative's sections with byte ranges, heading ranges and sentence counts.
#[utoipa::path(get, path = "/api/documents/{country}/{year}/sections", params(("country" = String, Path), ("year" = u16, Path), Paging),
    responses((status = 200, description = "ok", body = Page), (status = 404, description = "not_found or unknown_country", body = ErrorBody)))]
pub async fn sections(State(s): State<AppState>, P((country, year)): P<(String, u16)>, Q(p): Q<Paging>) -> ApiResult<Page> {
    s.run(move |ctx| {
        let d = lookup::narrative(ctx.store, &country, year)?;
        let seg = &d.segmentation;
        let rows: Vec<Value> = seg
            .sections
            .iter()
            .map(|sec| {
                let sentences = seg.sentences.iter().filter(|x| sec.range.start <= x.range.start && x.range.end <= sec.range.end).count();
                json!({"kind": sec.kind, "start": sec.range.start, "end": sec.range.end, "heading": sec.heading,
                       "method": sec.method, "confidence": sec.confidence, "sentences": sentences})
            })
            .collect();
        Ok(Json(p.page(rows)))
    })
    .await
}

#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct FactFilter {
    /// Only facts of this kind (e.g. convictions, role).
    pub kind: Option<String>,
}

/// A narrative's facts, each with its quote, byte range and a link to the highlighted sentence.
#[utoipa::path(get, path = "/api/documents/{country}/{year}/facts", params(("country" = String, Path), ("year" = u16, Path), Paging, FactFilter),
    responses((status = 200, description = "ok", body = Page), (status = 400, description = "bad_request", body = ErrorBody), (status = 404, description = "not_found or unknown_country", body = ErrorBody)))]
pub async fn facts(State(s): State<AppState>, P((country, year)): P<(String, u16)>, Q(p): Q<Paging>, Q(f): Q<FactFilter>) -> Result<Response, ApiError> {
    let kind = match f.kind.as_deref() {
        Some(k) => Some(FactKind::parse(k).ok_or_else(|| ApiError::bad_request(format!("unknown fact kind {k:?}")))?),
        None => None,
    };
    // the same page (narrative, kind and paging alike) of the same store generation is the
    // same JSON: kept as its bytes, so a request only copies a reference to them
    let body = s
        .run(move |ctx| {
            let iso3 = &lookup::country(&country)?.iso3;
            ctx.cached(&format!("facts page {iso3} {year} {kind:?} {p:?}"), || {
                let all = ctx.cached(&format!("{iso3} {year}"), || {
                    let d = lookup::narrative(ctx.store, &country, year)?;
                    Ok(d.facts.iter().map(|x| (x.kind, data::fact_row(&d.document.metadata.iso3, year, x))).collect::<Vec<_>>())
                })?;
                let rows: Vec<&data::FactRow> = all.iter().filter(|(k, _)| kind.is_none_or(|want| *k == want)).map(|(_, r)| r).collect();
                serde_json::to_vec(&p.page(rows)).map(axum::body::Bytes::from).map_err(ApiError::internal)
            })
        })
        .await?;
    Ok(([(axum::http::header::CONTENT_TYPE, "application/json")], body.as_ref().clone()).into_response())
}

/// The tier the law in force gives, with reasons; `?set=FINDING=VALUE` (repeatable) adds
/// analyst overrides and returns the original beside it; `?mode=blind` masks stated conclusions.
#[utoipa::path(get, path = "/api/assessments/{country}/{year}",
    params(("country" = String, Path), ("year" = u16, Path),
        ("set" = Option<Vec<String>>, Query, description = "FINDING=VALUE, repeatable"),
        ("mode" = Option<String>, Query, description = "stated (default) or blind")),
    responses((status = 200, description = "ok", body = Object), (status = 400, description = "bad_request", body = ErrorBody), (status = 404, description = "not_found or unknown_country", body = ErrorBody)))]
pub async fn assessment(State(s): State<AppState>, P((country, year)): P<(String, u16)>, RawQuery(q): RawQuery) -> ApiResult<Value> {
    let mut sets = Vec::new();
    let mut mode = Mode::Stated;
    for (k, v) in pairs(q.as_deref())? {
        match (k.as_str(), v.as_str()) {
            ("set", _) => sets.push(v),
            ("mode", "blind") => mode = Mode::Blind,
            ("mode", "stated") => {}
            ("mode", other) => return Err(ApiError::bad_request(format!("unknown mode {other:?}: use stated or blind"))),
            _ => {}
        }
    }
    let overrides = tierwatch_app::worksheet::parse_overrides(&sets)?;
    s.run(move |ctx| {
        let out = assess_narrative(ctx.store, ctx.law(), &country, year, &overrides, mode)?;
        tierwatch_app::worksheet::reject_bad_overrides(&out)?;
        Ok(Json(serde_json::to_value(out).map_err(ApiError::internal)?))
    })
    .await
}

/// A country's tier timeline: every source's value, watch-list runs, waivers, downgrades.
#[utoipa::path(get, path = "/api/history/{country}", params(("country" = String, Path)),
    responses((status = 200, description = "ok", body = Object), (status = 404, description = "not_found or unknown_country", body = ErrorBody)))]
pub async fn history(State(s): State<AppState>, P(country): P<String>) -> ApiResult<Value> {
    s.run(move |ctx| {
        let iso3 = &lookup::country(&country)?.iso3;
        let t = ctx.cached(iso3, || Ok(tierwatch_app::timeline::timeline(ctx.store, ctx.law(), &country)?))?;
        Ok(Json(serde_json::to_value(&*t).map_err(ApiError::internal)?))
    })
    .await
}

/// Every country's placement for a report year (the map's data); default: the newest stored year.
#[utoipa::path(get, path = "/api/tiers", params(("year" = Option<u16>, Query)),
    responses((status = 200, description = "ok", body = MapYear), (status = 404, description = "not_found or unknown_country", body = ErrorBody)))]
pub async fn tiers(State(s): State<AppState>, Q(y): Q<YearParam>) -> ApiResult<MapYear> {
    s.run(move |ctx| {
        let m = ctx.cached(&format!("{:?}", y.year), || data::map_year(ctx, y.year))?;
        Ok(Json((*m).clone()))
    })
    .await
}

#[derive(Debug, Deserialize)]
pub struct YearParam {
    pub year: Option<u16>,
}

#[derive(Debug, Default, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct SearchParams {
    /// Words, "phrases", AND/OR/NOT, -word, prefix*.
    #[serde(default)]
    pub q: String,
    pub country: Option<String>,
    pub region: Option<String>,
    #[serde(default, deserialize_with = "crate::extract::empty_none")]
    #[param(value_type = Option<u16>)]
    pub year: Option<u16>,
    /// tier1, tier2, tier2_watch_list, tier3, special_case
    pub tier: Option<String>,
    /// intro, recommendations, prosecution, protection, prevention, trafficking_profile, government_efforts
    pub section: Option<String>,
    #[serde(default, deserialize_with = "crate::extract::empty_none")]
    #[param(value_type = Option<usize>)]
    pub limit: Option<usize>,
    #[serde(default, deserialize_with = "crate::extract::empty_none")]
    #[param(value_type = Option<usize>)]
    pub offset: Option<usize>,
}

fn nonempty(s: &Option<String>) -> Option<&str> {
    s.as_deref().map(str::trim).filter(|s| !s.is_empty())
}

/// Filters from search parameters (empty strings mean "any", as a plain HTML form sends them).
pub fn search_request(p: &SearchParams) -> Result<(SearchRequest, usize), ApiError> {
    let filters = Filters {
        iso3: nonempty(&p.country).map(iso3).transpose()?,
        region: nonempty(&p.region).map(tierwatch_app::search::resolve_region).transpose()?,
        year: p.year,
        tier: nonempty(&p.tier).map(|t| Tier::parse(t).ok_or_else(|| ApiError::bad_request(format!("unknown tier {t:?}")))).transpose()?,
        section: nonempty(&p.section).map(|x| SectionKind::parse(x).ok_or_else(|| ApiError::bad_request(format!("unknown section {x:?}")))).transpose()?,
    };
    let paging = Paging { limit: p.limit, offset: p.offset };
    let (limit, offset) = (paging.limit(), paging.offset());
    if offset.saturating_add(limit) > 1000 {
        return Err(ApiError::bad_request("offset + limit may not exceed 1000"));
    }
    Ok((SearchRequest { query: p.q.clone(), filters, limit: offset + limit }, offset))
}

/// Search results page with facets.
#[derive(Debug, Serialize, ToSchema)]
pub struct SearchPage {
    pub query: String,
    /// Paragraphs matching, before paging.
    pub total: u64,
    pub limit: usize,
    pub offset: usize,
    #[schema(value_type = Vec<Object>)]
    pub hits: Vec<Value>,
    #[schema(value_type = Object)]
    pub facets: Value,
}

pub fn run_search(ctx: &crate::state::Ctx<'_>, p: &SearchParams) -> Result<SearchPage, ApiError> {
    if p.q.trim().is_empty() {
        return Err(ApiError::bad_request("give a query: q=words"));
    }
    let (req, offset) = search_request(p)?;
    let res = ctx.with_index(|index| Ok(index.search(&req)?))?;
    let hits = res.hits.iter().skip(offset).map(|h| serde_json::to_value(h).unwrap_or_default()).collect();
    Ok(SearchPage { query: res.query, total: res.total, limit: req.limit - offset, offset, hits, facets: serde_json::to_value(res.facets).unwrap_or_default() })
}

/// Full-text search over paragraphs, ranked, with highlights (byte ranges) and facet counts.
#[utoipa::path(get, path = "/api/search", params(SearchParams),
    responses((status = 200, description = "ok", body = SearchPage), (status = 400, description = "bad_request", body = ErrorBody)))]
pub async fn search(State(s): State<AppState>, Q(p): Q<SearchParams>) -> Result<Response, ApiError> {
    // the same search (every parameter alike) of the same store generation gives the same
    // page: kept as its JSON text (fields in their declared order) until the store changes
    let page = s
        .run(move |ctx| {
            ctx.cached(&format!("search {p:?}"), || serde_json::to_string(&run_search(ctx, &p)?).map_err(ApiError::internal))
        })
        .await?;
    Ok(([(axum::http::header::CONTENT_TYPE, "application/json")], page.as_ref().clone()).into_response())
}

/// What changed between two report years: tier, facts, sentences per section.
#[utoipa::path(get, path = "/api/diff/{country}/{from}/{to}", params(("country" = String, Path), ("from" = u16, Path), ("to" = u16, Path)),
    responses((status = 200, description = "ok", body = Object), (status = 404, description = "not_found or unknown_country", body = ErrorBody)))]
pub async fn diff(State(s): State<AppState>, P((country, a, b)): P<(String, u16, u16)>) -> ApiResult<Value> {
    s.run(move |ctx| {
        let d = tierwatch_app::diff::diff_stored(ctx.store, &country, a, b)?;
        Ok(Json(serde_json::to_value(d).map_err(ApiError::internal)?))
    })
    .await
}

#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct ExportParams {
    /// csv (default), json or parquet; `codebook` gives the Markdown codebook.
    pub format: Option<String>,
}

/// A tidy table (facts, assessments, tiers, flows) as CSV, JSON or Parquet, or its codebook.
#[utoipa::path(get, path = "/api/export/{what}", params(("what" = String, Path, description = "facts, assessments, tiers or flows"), ExportParams),
    responses((status = 200, description = "the file (CSV, JSON, Parquet or Markdown)", content_type = "text/csv"), (status = 400, description = "bad_request", body = ErrorBody)))]
pub async fn export(State(s): State<AppState>, P(what): P<String>, Q(p): Q<ExportParams>) -> Result<Response, ApiError> {
    use tierwatch_app::export::{self, Format, What};
    let what = What::parse(&what).ok_or_else(|| ApiError::bad_request(format!("unknown table {what:?}: use facts, assessments, tiers or flows")))?;
    let fmt = p.format.unwrap_or_else(|| "csv".into());
    let (format, mime, ext) = match fmt.as_str() {
        "codebook" => (None, "text/markdown; charset=utf-8", "md"),
        f => match Format::parse(f) {
            Some(Format::Csv) => (Some(Format::Csv), "text/csv; charset=utf-8", "csv"),
            Some(Format::Json) => (Some(Format::Json), "application/json", "json"),
            Some(Format::Parquet) => (Some(Format::Parquet), "application/vnd.apache.parquet", "parquet"),
            None => return Err(ApiError::bad_request(format!("unknown format {fmt:?}: use csv, json, parquet or codebook"))),
        },
    };
    let name = format!("tierwatch-{}.{ext}", what.code());
    let bytes = s
        .run(move |ctx| {
            let table = export::table(ctx.store, what)?;
            match format {
                None => Ok(export::codebook::markdown(&table, &format!("tierwatch-{}", what.code())).into_bytes()),
                Some(f) => write_to_bytes(&table, f, ext),
            }
        })
        .await?;
    Ok(([(header::CONTENT_TYPE, mime.to_string()), (header::CONTENT_DISPOSITION, format!("attachment; filename=\"{name}\""))], bytes).into_response())
}

/// The app writes files (so every face writes the same bytes); write to a private temp dir and read back.
fn write_to_bytes(table: &tierwatch_app::export::Table, format: tierwatch_app::export::Format, ext: &str) -> Result<Vec<u8>, ApiError> {
    let dir = std::env::temp_dir().join(format!("tierwatch-export-{}-{}", std::process::id(), crate::csrf::token()));
    std::fs::create_dir_all(&dir).map_err(ApiError::internal)?;
    let path = dir.join(format!("table.{ext}"));
    let out = tierwatch_app::export::write::write(table, format, &path).map_err(ApiError::from).and_then(|_| std::fs::read(&path).map_err(ApiError::internal));
    let _ = std::fs::remove_dir_all(&dir);
    out
}

/// Worksheets (team assessments) saved for a country-year, newest first, each with its
/// review state (`draft`, `submitted`, `approved`, `returned`), proposed tier, fact ids, and
/// who decided when. Once the store has accounts this needs a login unless the server reads
/// publicly (`401 unauthorized`).
#[utoipa::path(get, path = "/api/worksheets/{country}/{year}", params(("country" = String, Path), ("year" = u16, Path), Paging),
    responses((status = 200, description = "ok", body = Page), (status = 401, description = "unauthorized", body = ErrorBody),
        (status = 404, description = "not_found or unknown_country", body = ErrorBody)))]
pub async fn worksheets(State(s): State<AppState>, P((country, year)): P<(String, u16)>, Q(p): Q<Paging>) -> ApiResult<Page> {
    s.run(move |ctx| Ok(Json(p.page(tierwatch_app::worksheet::list(ctx.store, &country, year)?)))).await
}
