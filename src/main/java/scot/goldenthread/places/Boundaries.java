package scot.goldenthread.places;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;

import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKBReader;
import org.locationtech.jts.geom.util.GeometryFixer;
import org.locationtech.jts.operation.overlayng.OverlayNGRobust;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The outlines of places on the British National Grid, as migration V20 keeps them; a locality's is its data zones' joined. */
@Repository
class Boundaries {

	private final JdbcClient jdbc;

	Boundaries(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	Map<String, Geometry> outlines(Collection<String> codes) {
		Map<String, Geometry> outlines = new HashMap<>();
		WKBReader reader = new WKBReader();
		this.jdbc.sql("select code, outline from boundary where code = any(?)").param(codes.toArray(String[]::new))
			.query((java.sql.ResultSet rs) -> {
				try {
					outlines.put(rs.getString(1), reader.read(rs.getBytes(2)));
				}
				catch (ParseException ex) {
					throw new IllegalStateException("The outline of " + rs.getString(1) + " is not well-known binary", ex);
				}
			});
		return outlines;
	}

	/**
	 * The outline of a place made of data zones: theirs joined into one. The published outlines are simplified, so
	 * neighbours may overlap a little or a ring touch itself: each is mended first, and the join falls back to snapping
	 * where floating point alone cannot decide.
	 */
	Geometry joined(Collection<Geometry> parts) {
		// a locality redrawn away has no data zones, and so no outline
		return parts.isEmpty() ? null : OverlayNGRobust.union(parts.stream().map(GeometryFixer::fix).toList());
	}

}
