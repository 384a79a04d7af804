package scot.goldenthread.partnerships;

import java.util.List;
import java.util.Optional;

import scot.goldenthread.audit.AuditLog;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Partnerships (a CPP, its thematic and place-based partnerships) and the partners in them. */
@Service
public class PartnershipDirectory {

	private static final String PARTNERSHIP_COLUMNS = """
			select p.id, p.code, p.name, p.kind, parent.code, p.area, p.description
			from partnership p left join partnership parent on parent.id = p.parent_id""";

	private final JdbcClient jdbc;

	private final AuditLog audit;

	PartnershipDirectory(JdbcClient jdbc, AuditLog audit) {
		this.jdbc = jdbc;
		this.audit = audit;
	}

	public List<Partnership> partnerships() {
		return this.jdbc.sql(PARTNERSHIP_COLUMNS + " order by coalesce(parent.id, p.id), p.parent_id nulls first, p.name")
			.query(this::mapPartnership)
			.list();
	}

	public Optional<Partnership> partnership(String code) {
		return this.jdbc.sql(PARTNERSHIP_COLUMNS + " where p.code = ?").param(code).query(this::mapPartnership).optional();
	}

	public Optional<Partnership> partnership(long id) {
		return this.jdbc.sql(PARTNERSHIP_COLUMNS + " where p.id = ?").param(id).query(this::mapPartnership).optional();
	}

	public List<Partnership> partOf(String code) {
		return this.jdbc.sql(PARTNERSHIP_COLUMNS + " where parent.code = ? order by p.kind, p.name")
			.param(code)
			.query(this::mapPartnership)
			.list();
	}

	public List<Partner> members(String partnershipCode) {
		return this.jdbc.sql("""
				select pr.id, pr.code, pr.name, pr.statutory, pr.description from partner pr
				join partnership_member m on m.partner_id = pr.id join partnership p on p.id = m.partnership_id
				where p.code = ? order by pr.statutory desc, pr.name""")
			.param(partnershipCode)
			.query(Partner.class)
			.list();
	}

	public List<Partner> partners() {
		return this.jdbc.sql("select id, code, name, statutory, description from partner order by statutory desc, name")
			.query(Partner.class)
			.list();
	}

	public Optional<Partner> partner(String code) {
		return this.jdbc.sql("select id, code, name, statutory, description from partner where code = ?")
			.param(code)
			.query(Partner.class)
			.optional();
	}

	public List<Partnership> partnershipsOf(String partnerCode) {
		return this.jdbc.sql(PARTNERSHIP_COLUMNS + " join partnership_member m on m.partnership_id = p.id"
				+ " join partner pr on pr.id = m.partner_id where pr.code = ? order by p.name")
			.param(partnerCode)
			.query(this::mapPartnership)
			.list();
	}

	@Transactional
	public void addPartner(String code, String name, boolean statutory, String description) {
		long id = this.jdbc.sql("insert into partner (code, name, statutory, description) values (?, ?, ?, ?) returning id")
			.params(code, name, statutory, description)
			.query(Long.class)
			.single();
		this.audit.created("partner", id, "Added partner " + name, partner(code).orElseThrow());
	}

	@Transactional
	public void addPartnership(String code, String name, Partnership.Kind kind, String parentCode, String area,
			String description, List<String> memberCodes) {
		Long parentId = (parentCode != null) ? partnership(parentCode)
			.orElseThrow(() -> new IllegalArgumentException("No partnership " + parentCode))
			.id() : null;
		long id = this.jdbc.sql("""
				insert into partnership (code, name, kind, parent_id, area, description)
				values (?, ?, ?, ?, ?, ?) returning id""")
			.params(code, name, kind.code(), parentId, area, description)
			.query(Long.class)
			.single();
		for (String member : memberCodes) {
			Partner partner = partner(member).orElseThrow(() -> new IllegalArgumentException("No partner " + member));
			this.jdbc.sql("insert into partnership_member (partnership_id, partner_id) values (?, ?)")
				.params(id, partner.id())
				.update();
		}
		this.audit.created("partnership", id, "Added partnership " + name, partnership(id).orElseThrow());
	}

	private Partnership mapPartnership(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
		return new Partnership(rs.getLong(1), rs.getString(2), rs.getString(3), Partnership.Kind.of(rs.getString(4)),
				rs.getString(5), rs.getString(6), rs.getString(7));
	}

}
