package concept

import (
	"bufio"
	"fmt"
	"io"
	"strings"
)

// Parse reads a concept list in the format of the package doc. name is the file name that
// errors carry, as `name:line: what is wrong`.
func Parse(name string, r io.Reader) (*List, error) {
	l := &List{exact: map[string]string{}}
	firstLine := map[string]int{} // wording → line that defined it, for duplicate errors
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 0, 64*1024), 1<<20)
	for n := 1; sc.Scan(); n++ {
		line := strings.TrimSpace(sc.Text())
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		if err := l.addLine(name, n, line, firstLine); err != nil {
			return nil, fmt.Errorf("%s:%d: %w", name, n, err)
		}
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	return l, nil
}

func (l *List) addLine(file string, n int, line string, firstLine map[string]int) error {
	name, rhs, ok := strings.Cut(line, "=")
	if !ok {
		return fmt.Errorf("no ` = ` between a concept name and its wordings in %q", line)
	}
	name = strings.TrimSpace(name)
	if name == "" {
		return fmt.Errorf("empty concept name before `=`")
	}
	if strings.HasPrefix(name, "/") {
		return fmt.Errorf("concept name %q is a pattern; a name is plain text", name)
	}
	wordings, err := splitWordings(rhs)
	if err != nil {
		return err
	}
	if !containsName(l.names, name) {
		l.names = append(l.names, name)
	}
	if err := l.addWord(name, name, n, firstLine); err != nil {
		return err
	}
	for _, w := range wordings {
		if isPattern(w) {
			p, err := compilePattern(w[1:len(w)-1], name, fmt.Sprintf("%s:%d", file, n))
			if err != nil {
				return err
			}
			l.patterns = append(l.patterns, p)
			continue
		}
		if err := l.addWord(w, name, n, firstLine); err != nil {
			return err
		}
	}
	return nil
}

// The canonical-name line (`X =` with nothing after) is allowed: the name is a wording.
func splitWordings(rhs string) ([]string, error) {
	rhs = strings.TrimSpace(rhs)
	if rhs == "" {
		return nil, nil
	}
	var out []string
	for rhs != "" {
		w, rest, err := nextWording(rhs)
		if err != nil {
			return nil, err
		}
		if w == "" {
			return nil, fmt.Errorf("empty wording (two `|` in a row, or one at an end)")
		}
		out = append(out, w)
		rhs = rest
	}
	return out, nil
}

// nextWording cuts the first wording off s. A pattern runs from its `/` to the first `/`
// that is followed by `|` or the end, so `|` inside a pattern is an alternation.
func nextWording(s string) (w, rest string, err error) {
	s = strings.TrimLeft(s, " \t")
	if strings.HasPrefix(s, "/") {
		for i := 1; i < len(s); i++ {
			if s[i] != '/' || s[i-1] == '\\' {
				continue
			}
			after := strings.TrimLeft(s[i+1:], " \t")
			if after == "" || after[0] == '|' {
				return s[:i+1], cutBar(after), nil
			}
		}
		return "", "", fmt.Errorf("pattern %q has no closing `/`", s)
	}
	w, rest, found := strings.Cut(s, "|")
	w = strings.TrimSpace(w)
	if found && strings.TrimSpace(rest) == "" {
		return "", "", fmt.Errorf("empty wording after the last `|`")
	}
	return w, rest, nil
}

// cutBar drops the `|` that separates a wording from the next; an end bar is an error
// that splitWordings reports as an empty wording.
func cutBar(s string) string {
	if s == "" {
		return ""
	}
	rest := s[1:]
	if strings.TrimSpace(rest) == "" {
		return " " // a lone bar at the end: one more, empty, wording
	}
	return rest
}

func isPattern(w string) bool { return len(w) >= 2 && w[0] == '/' && w[len(w)-1] == '/' }

func (l *List) addWord(w, name string, n int, firstLine map[string]int) error {
	if prev, ok := l.exact[w]; ok {
		if prev == name {
			return nil
		}
		return fmt.Errorf("wording %q of %s already belongs to %s (line %d)", w, name, prev, firstLine[w])
	}
	l.exact[w] = name
	firstLine[w] = n
	return nil
}

func containsName(names []string, name string) bool {
	for _, n := range names {
		if n == name {
			return true
		}
	}
	return false
}
