package scot.goldenthread.partnerships;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import scot.goldenthread.shared.Commands;
import scot.goldenthread.shared.TextLimits;

/** A partner as its form and the API give it: its code (for good, once made), name, whether it is a statutory partner, and what it is. */
public record PartnerDetails(@NotNull(message = CODE) @Pattern(regexp = PartnershipDetails.CODE_PATTERN, message = CODE) String code,
		@NotBlank(message = "Enter the partner's name") @Size(max = TextLimits.NAME, message = "Enter a name of up to 200 characters") String name,
		Boolean statutory, @Size(max = TextLimits.TITLE, message = "Enter a description of up to 2,000 characters") String description) {

	static final String CODE = "Enter a code of 2 to 80 letters, digits and dashes, such as forth-valley-college";

	public PartnerDetails {
		code = Commands.typed(code);
		name = Commands.typed(name);
		description = Commands.typed(description);
		// an unticked box sends nothing
		statutory = Boolean.TRUE.equals(statutory);
	}

}
