package scot.goldenthread.partnerships;

import java.util.List;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import scot.goldenthread.shared.CodeOf;
import scot.goldenthread.shared.Commands;
import scot.goldenthread.shared.TextLimits;

/**
 * A partnership as its form and the API give it: its code (for good, once made), name, kind, the partnership it is part
 * of (by code), the area it covers, what it is for, and its partners (by code).
 */
public record PartnershipDetails(@NotNull(message = CODE) @Pattern(regexp = CODE_PATTERN, message = CODE) String code,
		@NotBlank(message = "Enter the partnership's name") @Size(max = TextLimits.NAME, message = "Enter a name of up to 200 characters") String name,
		@NotNull(message = KIND) @CodeOf(value = Partnership.Kind.class, message = KIND) String kind, String parent,
		@Size(max = TextLimits.NAME, message = "Enter an area of up to 200 characters") String area,
		@Size(max = TextLimits.TITLE, message = "Enter a description of up to 2,000 characters") String description, List<String> members) {

	static final String CODE_PATTERN = "[A-Za-z0-9][A-Za-z0-9-]{1,79}";

	static final String CODE = "Enter a code of 2 to 80 letters, digits and dashes, such as stirling-urban-north: plan files name the partnership by it";

	static final String KIND = "Choose what kind of partnership it is";

	public PartnershipDetails {
		code = Commands.typed(code);
		name = Commands.typed(name);
		// the form's "Choose a kind" sends nothing, which no kind is
		kind = Commands.typed(kind);
		parent = Commands.typed(parent);
		area = Commands.typed(area);
		description = Commands.typed(description);
		members = (members != null) ? members.stream().map(String::strip).filter((m) -> !m.isEmpty()).distinct().toList() : List.of();
	}

}
