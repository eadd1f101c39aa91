package xlsx

import "testing"

func TestCellText(t *testing.T) {
	for _, c := range []struct{ shown, raw, want string }{
		{"1,235", "1234.5", "1234.5"},                          // a format that rounds: the value
		{"1234.50", "1234.5", "1234.50"},                       // the formatted digits are the number
		{"¥1,234.50", "1234.5", "1234.50"},                     // currency and separators dropped
		{"2.0%", "0.0199996536856505", "2.0%"},                 // a percentage as shown
		{"(12.5)", "-12.5", "-12.5"},                           // accounting parentheses
		{"-11422.5000000001", "-11422.5000000001", "-11422.5"}, // a sum's binary noise
		{"0.30000000000000004", "0.30000000000000004", "0.3"},
		{"1234567.891234", "1234567.891234", "1234567.891234"}, // many digits, no noise
		{"458.6094", "458.6094", "458.6094"},
		{"金额", "金额", "金额"},
	} {
		if got := cellText(c.shown, c.raw); got != c.want {
			t.Errorf("cellText(%q, %q) = %q, want %q", c.shown, c.raw, got, c.want)
		}
	}
}
