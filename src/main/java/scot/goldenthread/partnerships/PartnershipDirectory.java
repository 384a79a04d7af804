package scot.goldenthread.partnerships;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import scot.goldenthread.audit.AuditLog;
import scot.goldenthread.shared.Commands;
import scot.goldenthread.shared.NotFound;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.validation.BindingResult;
import org.springframework.transaction.annotation.Transactional;

/** Partnerships (a CPP, its thematic and place-based partnerships) and the partners in them. */
@Service
public class PartnershipDirectory {

	private static final String PARTNERSHIP_COLUMNS = """
			select p.id, p.code, p.name, p.kind, parent.code, p.area, p.description
			from partnership p left join partnership parent on parent.id = p.parent_id""";

	private final JdbcClient jdbc;

	private final AuditLog audit;

	private final Commands commands;

	PartnershipDirectory(JdbcClient jdbc, AuditLog audit, Commands commands) {
		this.jdbc = jdbc;
		this.audit = audit;
		this.commands = commands;
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

	/**
	 * The page of each of these leads that is a partnership or a partner, named by its name or code (in any case): a
	 * lead may be a group, such as an outcome improvement group made as a partnership, as well as a person's job.
	 */
	public Map<String, String> pagesOf(Collection<String> leads) {
		Map<String, String> byName = new HashMap<>();
		String[] wanted = leads.stream().map((l) -> l.strip().toLowerCase(Locale.ROOT)).toArray(String[]::new);
		this.jdbc.sql("""
				select lower(name), lower(code), '/partnerships/' || code from partnership where lower(name) = any(?) or lower(code) = any(?)
				union all
				select lower(name), lower(code), '/partners/' || code from partner where lower(name) = any(?) or lower(code) = any(?)""")
			.params(wanted, wanted, wanted, wanted)
			.query((java.sql.ResultSet rs) -> {
				byName.putIfAbsent(rs.getString(1), rs.getString(3));
				byName.putIfAbsent(rs.getString(2), rs.getString(3));
			});
		Map<String, String> pages = new HashMap<>();
		leads.forEach((lead) -> Optional.ofNullable(byName.get(lead.strip().toLowerCase(Locale.ROOT))).ifPresent((page) -> pages.put(lead, page)));
		return pages;
	}

	/** Adds a partner, as the demo's file and the fixtures give it; refused as {@link #createPartner} refuses. */
	public void addPartner(String code, String name, boolean statutory, String description) {
		createPartner(new PartnerDetails(code, name, statutory, description));
	}

	/** Adds a partnership, as the demo's file and the fixtures give it; refused as {@link #create} refuses. */
	public void addPartnership(String code, String name, Partnership.Kind kind, String parentCode, String area,
			String description, List<String> memberCodes) {
		create(new PartnershipDetails(code, name, kind.code(), parentCode, area, description, memberCodes));
	}

	/** A partnership with its partners' codes, as the audit trail records it before and after a change. */
	record Recorded(Partnership partnership, List<String> members) {
	}

	private Recorded recorded(String code) {
		return new Recorded(partnership(code).orElseThrow(), members(code).stream().map(Partner::code).toList());
	}

	/**
	 * The problems of a partnership's details, made new ({@code existing} null) or given to the partnership {@code existing}:
	 * each field's, a code in use, a parent that does not exist or lies within it, a partner that does not exist.
	 */
	public BindingResult check(String existing, PartnershipDetails details) {
		BindingResult errors = this.commands.check(details);
		if (existing == null && details.code() != null && partnership(details.code()).isPresent()) {
			Commands.reject(errors, "code", "A partnership already has the code " + details.code() + "; choose another");
		}
		if (details.parent() != null) {
			Optional<Partnership> parent = partnership(details.parent());
			if (parent.isEmpty()) {
				Commands.reject(errors, "parent", "There is no partnership with the code " + details.parent());
			}
			else if (existing != null && within(parent.get(), existing)) {
				Commands.reject(errors, "parent", "A partnership cannot be part of itself or of a partnership within it");
			}
		}
		details.members().stream().filter((m) -> partner(m).isEmpty()).findFirst()
			.ifPresent((m) -> Commands.reject(errors, "members", "There is no partner with the code " + m));
		return errors;
	}

	/** Whether {@code partnership} is {@code code}'s or lies within it, following each one's parent up. */
	private boolean within(Partnership partnership, String code) {
		for (Partnership p = partnership; p != null; p = (p.parentCode() != null) ? partnership(p.parentCode()).orElse(null) : null) {
			if (p.code().equals(code)) {
				return true;
			}
		}
		return false;
	}

	@Transactional
	public Partnership create(PartnershipDetails details) {
		Commands.refuseIfAny(check(null, details));
		long id = this.jdbc.sql("""
				insert into partnership (code, name, kind, parent_id, area, description)
				values (?, ?, ?, (select id from partnership where code = ?), ?, ?) returning id""")
			.params(details.code(), details.name(), details.kind(), details.parent(), details.area(), details.description())
			.query(Long.class)
			.single();
		setMembers(id, details.members());
		Recorded after = recorded(details.code());
		this.audit.created("partnership", id, "Added partnership " + details.name(), after);
		return after.partnership();
	}

	/** Saves a partnership's details; its code stays what it is, whatever the details say. */
	@Transactional
	public Partnership update(String code, PartnershipDetails details) {
		Partnership partnership = partnership(code).orElseThrow(() -> NotFound.because("There is no such partnership"));
		PartnershipDetails kept = new PartnershipDetails(code, details.name(), details.kind(), details.parent(), details.area(),
				details.description(), details.members());
		Commands.refuseIfAny(check(code, kept));
		Recorded before = recorded(code);
		this.jdbc.sql("""
				update partnership set name = ?, kind = ?, parent_id = (select id from partnership where code = ?), area = ?, description = ?
				where id = ?""")
			.params(kept.name(), kept.kind(), kept.parent(), kept.area(), kept.description(), partnership.id())
			.update();
		this.jdbc.sql("delete from partnership_member where partnership_id = ?").param(partnership.id()).update();
		setMembers(partnership.id(), kept.members());
		Recorded after = recorded(code);
		this.audit.updated("partnership", partnership.id(), "Changed partnership " + kept.name(), before, after);
		return after.partnership();
	}

	private void setMembers(long partnershipId, List<String> members) {
		for (String member : members) {
			this.jdbc.sql("insert into partnership_member (partnership_id, partner_id) select ?, id from partner where code = ?")
				.params(partnershipId, member)
				.update();
		}
	}

	/** The problems of a partner's details, made new ({@code existing} false) or given to a partner: each field's, a code in use. */
	public BindingResult checkPartner(boolean existing, PartnerDetails details) {
		BindingResult errors = this.commands.check(details);
		if (!existing && details.code() != null && partner(details.code()).isPresent()) {
			Commands.reject(errors, "code", "A partner already has the code " + details.code() + "; choose another");
		}
		return errors;
	}

	@Transactional
	public Partner createPartner(PartnerDetails details) {
		Commands.refuseIfAny(checkPartner(false, details));
		long id = this.jdbc.sql("insert into partner (code, name, statutory, description) values (?, ?, ?, ?) returning id")
			.params(details.code(), details.name(), details.statutory(), details.description())
			.query(Long.class)
			.single();
		Partner after = partner(details.code()).orElseThrow();
		this.audit.created("partner", id, "Added partner " + details.name(), after);
		return after;
	}

	/** Saves a partner's details; its code stays what it is, whatever the details say. */
	@Transactional
	public Partner updatePartner(String code, PartnerDetails details) {
		Partner before = partner(code).orElseThrow(() -> NotFound.because("There is no such partner"));
		PartnerDetails kept = new PartnerDetails(code, details.name(), details.statutory(), details.description());
		Commands.refuseIfAny(checkPartner(true, kept));
		this.jdbc.sql("update partner set name = ?, statutory = ?, description = ? where id = ?")
			.params(kept.name(), kept.statutory(), kept.description(), before.id())
			.update();
		Partner after = partner(code).orElseThrow();
		this.audit.updated("partner", before.id(), "Changed partner " + kept.name(), before, after);
		return after;
	}

	private Partnership mapPartnership(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
		return new Partnership(rs.getLong(1), rs.getString(2), rs.getString(3), Partnership.Kind.of(rs.getString(4)),
				rs.getString(5), rs.getString(6), rs.getString(7));
	}

}
