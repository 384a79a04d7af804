package scot.goldenthread.shared;

import org.locationtech.jts.geom.CoordinateSequence;
import org.locationtech.jts.geom.CoordinateSequenceFilter;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.proj4j.CRSFactory;
import org.locationtech.proj4j.CoordinateTransform;
import org.locationtech.proj4j.CoordinateTransformFactory;
import org.locationtech.proj4j.ProjCoordinate;

/**
 * Longitude and latitude (WGS84, as GeoJSON gives them) to metres on the Ordnance Survey's British National Grid
 * (EPSG:27700), the projection Scottish maps are drawn in: north is up and a square mile is square.
 */
public final class BritishNationalGrid {

	private static final CRSFactory CRS = new CRSFactory();

	/** EPSG:27700 with the Helmert shift from WGS84 that the EPSG registry gives it. */
	private static final String GRID = "+proj=tmerc +lat_0=49 +lon_0=-2 +k=0.9996012717 +x_0=400000 +y_0=-100000 +ellps=airy "
			+ "+towgs84=446.448,-125.157,542.06,0.15,0.247,0.842,-20.489 +units=m +no_defs";

	private BritishNationalGrid() {
	}

	/** A copy of the geometry with every point projected. */
	public static Geometry project(Geometry lonLat) {
		CoordinateTransform transform = new CoordinateTransformFactory().createTransform(CRS.createFromParameters("EPSG:4326", "+proj=longlat +datum=WGS84 +no_defs"),
				CRS.createFromParameters("EPSG:27700", GRID));
		Geometry grid = lonLat.copy();
		grid.apply(new CoordinateSequenceFilter() {
			private final ProjCoordinate from = new ProjCoordinate();

			private final ProjCoordinate to = new ProjCoordinate();

			@Override
			public void filter(CoordinateSequence points, int i) {
				this.from.setValue(points.getX(i), points.getY(i));
				transform.transform(this.from, this.to);
				points.setOrdinate(i, 0, Math.round(this.to.x));
				points.setOrdinate(i, 1, Math.round(this.to.y));
			}

			@Override
			public boolean isDone() {
				return false;
			}

			@Override
			public boolean isGeometryChanged() {
				return true;
			}
		});
		return grid;
	}

}
