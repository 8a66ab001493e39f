//! The world's shapes for the map, drawn once: Natural Earth's 1:110m countries (public domain, via the npm package
//! world-atlas, in `map/`) projected with the Equal Earth projection into SVG paths, and markers for the small
//! countries those shapes leave out. Rebuild the files with `scripts/map-data`.

use std::sync::OnceLock;

/// The projected plane: width and height (the whole globe).
pub const VIEW_BOX: (f64, f64) = (1000.0, 487.0);

/// The part of the plane shown: from 84° north to 57° south (Antarctica is left out), as an SVG view box.
pub fn view_box() -> String {
    let (_, top) = project(0.0, 84.0);
    let (_, bottom) = project(0.0, -57.0);
    format!("0 {:.0} {} {:.0}", top, VIEW_BOX.0, bottom - top)
}

/// A country drawn as a shape.
#[derive(Debug)]
pub struct Shape {
    /// ISO 3166-1 alpha-2 code, where the shape has an ISO numeric id.
    pub code: Option<&'static str>,
    /// The path, in view-box units.
    pub path: String,
}

/// A country too small for the shapes, drawn as a marker.
#[derive(Debug)]
pub struct Marker {
    /// ISO 3166-1 alpha-2 code.
    pub code: &'static str,
    /// Centre, in view-box units.
    pub x: f64,
    /// Centre, in view-box units.
    pub y: f64,
}

/// The drawn world.
#[derive(Debug, Default)]
pub struct World {
    /// Countries as shapes.
    pub shapes: Vec<Shape>,
    /// Small countries as markers.
    pub markers: Vec<Marker>,
}

/// The world, projected once per process.
pub fn world() -> &'static World {
    static WORLD: OnceLock<World> = OnceLock::new();
    WORLD.get_or_init(|| build(include_str!("../map/countries-110m.json"), include_str!("../map/small-places.json")))
}

#[derive(serde::Deserialize)]
struct SmallPlace {
    id: String,
    lon: f64,
    lat: f64,
}

fn alpha2(numeric: &str) -> Option<&'static str> {
    let n: u32 = numeric.parse().ok()?;
    isocountry::CountryCode::for_id(n).ok().map(|c| c.alpha2())
}

fn build(topology: &str, small: &str) -> World {
    let mut world = World::default();
    if let Ok(topojson::TopoJson::Topology(t)) = topology.parse::<topojson::TopoJson>()
        && let Ok(countries) = topojson::to_geojson(&t, "countries")
    {
        for feature in countries.features {
            let id = match &feature.id {
                Some(geojson::feature::Id::String(s)) => s.clone(),
                Some(geojson::feature::Id::Number(n)) => n.to_string(),
                None => String::new(),
            };
            // Antarctica takes a fifth of the canvas and no framework applies there.
            if id == "010" {
                continue;
            }
            let Some(geometry) = feature.geometry else { continue };
            let polygons = match geometry.value {
                geojson::Value::Polygon(p) => vec![p],
                geojson::Value::MultiPolygon(m) => m,
                _ => continue,
            };
            let path = svg_path(&polygons);
            if !path.is_empty() {
                world.shapes.push(Shape { code: alpha2(&id), path });
            }
        }
    }
    if let Ok(places) = serde_json::from_str::<Vec<SmallPlace>>(small) {
        world.markers = places
            .into_iter()
            .filter_map(|p| {
                let (x, y) = project(p.lon, p.lat);
                Some(Marker { code: alpha2(&p.id)?, x: round1(x), y: round1(y) })
            })
            .collect();
    }
    world
}

/// Equal Earth projection (Šavrič, Patterson and Jenny, 2018) of longitude and latitude in degrees, scaled to the
/// view box with the origin at its top left.
fn project(lon: f64, lat: f64) -> (f64, f64) {
    const A1: f64 = 1.340264;
    const A2: f64 = -0.081106;
    const A3: f64 = 0.000893;
    const A4: f64 = 0.003796;
    const X_MAX: f64 = 2.706_629_5;
    let m = 3f64.sqrt() / 2.0;
    let (lambda, phi) = (lon.to_radians(), lat.to_radians());
    let theta = (m * phi.sin()).asin();
    let t2 = theta * theta;
    let t6 = t2 * t2 * t2;
    let x =
        2.0 * 3f64.sqrt() * lambda * theta.cos() / (3.0 * (9.0 * A4 * t6 * t2 + 7.0 * A3 * t6 + 3.0 * A2 * t2 + A1));
    let y = theta * (A1 + A2 * t2 + t6 * (A3 + A4 * t2));
    let scale = VIEW_BOX.0 / (2.0 * X_MAX);
    (VIEW_BOX.0 / 2.0 + x * scale, VIEW_BOX.1 / 2.0 - y * scale)
}

fn round1(v: f64) -> f64 {
    (v * 10.0).round() / 10.0
}

/// Rings as an SVG path with relative commands, in whole view-box units (a pixel at full width), dropping points
/// that round onto the previous one. A ring cut at the antimeridian jumps across the map; there the path moves
/// instead of drawing a line, which starts a new subpath.
fn svg_path(polygons: &[Vec<Vec<Vec<f64>>>]) -> String {
    use std::fmt::Write;
    let mut d = String::new();
    // The current point, and the start of the current subpath (where `z` returns to).
    let (mut at, mut start) = ((0.0, 0.0), (0.0, 0.0));
    for ring in polygons.iter().flatten() {
        let mut kept: Vec<(f64, f64)> = Vec::with_capacity(ring.len());
        for p in ring.iter().filter(|p| p.len() >= 2) {
            let (x, y) = project(p[0], p[1]);
            let point = (x.round(), y.round());
            if kept.last() != Some(&point) {
                kept.push(point);
            }
        }
        if kept.len() < 3 {
            continue;
        }
        for (i, &(x, y)) in kept.iter().enumerate() {
            let jump = (x - at.0).abs() > VIEW_BOX.0 / 2.0;
            let command = if i == 0 || jump { 'm' } else { 'l' };
            let _ = write!(d, "{command}{},{}", whole(x - at.0), whole(y - at.1));
            at = (x, y);
            if command == 'm' {
                start = at;
            }
        }
        d.push('z');
        at = start;
    }
    d
}

fn whole(v: f64) -> i64 {
    v.round() as i64
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_world_has_its_countries_and_markers_for_small_ones() {
        let w = world();
        assert!(w.shapes.len() > 170, "{} shapes", w.shapes.len());
        assert!(w.shapes.iter().any(|s| s.code == Some("FR")));
        assert!(w.markers.iter().any(|m| m.code == "SG"), "Singapore is a marker");
        let (x, y) = project(0.0, 0.0);
        assert!((x - 500.0).abs() < 0.01 && (y - VIEW_BOX.1 / 2.0).abs() < 0.01);
        let (x, _) = project(180.0, 0.0);
        assert!((x - 1000.0).abs() < 0.5, "the antimeridian is the right edge, got {x}");
    }

    /// The absolute points of a path of relative `m`, `l` and `z` commands, as an SVG renderer reads them.
    fn absolute(d: &str) -> Vec<(i64, i64)> {
        let (mut at, mut start, mut points) = ((0, 0), (0, 0), Vec::new());
        let mut rest = d;
        while let Some(c) = rest.chars().next() {
            rest = &rest[1..];
            if c == 'z' {
                at = start;
                continue;
            }
            let end = rest.find(['m', 'l', 'z']).unwrap_or(rest.len());
            let (dx, dy) = rest[..end].split_once(',').expect("pair");
            at = (at.0 + dx.parse::<i64>().expect("dx"), at.1 + dy.parse::<i64>().expect("dy"));
            if c == 'm' {
                start = at;
            }
            points.push(at);
            rest = &rest[end..];
        }
        points
    }

    #[test]
    fn a_ring_cut_at_the_antimeridian_does_not_shift_the_next_ring() {
        // A ring that crosses the antimeridian and back, its last stretch not starting at its first point (so
        // `z` returns to where the path last moved), then a small island elsewhere.
        let ring = vec![
            vec![170.0, 60.0],
            vec![179.0, 60.0],
            vec![-179.0, 62.0],
            vec![-170.0, 62.0],
            vec![179.0, 64.0],
            vec![175.0, 64.0],
            vec![170.0, 60.0],
        ];
        let island = vec![vec![10.0, 10.0], vec![11.0, 10.0], vec![11.0, 11.0], vec![10.0, 10.0]];
        let d = svg_path(&[vec![ring], vec![island.clone()]]);
        let island_start = project(10.0, 10.0);
        let expected = (island_start.0.round() as i64, island_start.1.round() as i64);
        let points = absolute(&d);
        let drawn = points[points.len() - 4]; // the island: its first point, two more, and back to the first
        assert_eq!(drawn, expected, "the island is drawn where it is: {d}");
        assert!(d.matches('m').count() >= 3, "the crossing is a move, not a line across the map: {d}");
    }
}
