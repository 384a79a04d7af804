package scot.goldenthread.people;

/** A change to an account that cannot be made, with the field to show the reason beside. */
class AccountException extends RuntimeException {

	private final String field;

	public AccountException(String field, String message) {
		super(message);
		this.field = field;
	}

	public String field() {
		return this.field;
	}

}
