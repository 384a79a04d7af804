package scot.goldenthread.places;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/** The places a person can choose as their area, from a list: each council area with its localities and wards. */
@Service
public class AreaChoices {

	private final JdbcClient jdbc;

	AreaChoices(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public record Area(String code, String name) {
	}

	public record Council(Area area, List<Area> localities, List<Area> wards) {
	}

	/** Every council area by name, each with its localities and its multi-member wards by name. */
	public List<Council> councils() {
		Map<String, Council> councils = new LinkedHashMap<>();
		this.jdbc.sql("""
				select g.code, g.name, g.level, coalesce(g.parent, g.code)
				from geography g left join geography c on c.code = g.parent
				where g.level in ('council-area', 'locality', 'ward')
				order by coalesce(c.name, g.name), g.level <> 'council-area', g.name""")
			.query((java.sql.ResultSet rs) -> {
				Area area = new Area(rs.getString(1), rs.getString(2));
				if ("council-area".equals(rs.getString(3))) {
					councils.put(area.code(), new Council(area, new ArrayList<>(), new ArrayList<>()));
				}
				else if (councils.containsKey(rs.getString(4))) {
					Council council = councils.get(rs.getString(4));
					("locality".equals(rs.getString(3)) ? council.localities() : council.wards()).add(area);
				}
			});
		return List.copyOf(councils.values());
	}

	/** Whether there is such a place to choose. */
	public boolean exists(String code) {
		return this.jdbc.sql("select exists (select 1 from geography where code = ? and level in ('council-area', 'locality', 'ward'))")
			.param(code).query(Boolean.class).single();
	}

}
