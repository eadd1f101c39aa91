package main

import (
	"bytes"
	"encoding/json"
	"fmt"

	"github.com/spf13/cobra"

	"github.com/policymetrics/policymetrics/extract"
)

func newSchemaCmd(ios *IOStreams) *cobra.Command {
	return &cobra.Command{
		Use:   "schema",
		Short: "Print the JSON Schema of a record",
		Long: `schema prints the JSON Schema (draft 2020-12) of one record as extract writes it:
field types, the required fields, the allowed values of qualifier, change and modality
(empty allowed), the form of period, and line/col from 1. Extra fields are allowed.`,
		Example: `  policymetrics schema > record.schema.json
  # every record of a JSON Lines stream, one at a time
  policymetrics extract report.txt | python3 -c 'import json, sys, jsonschema
  schema = json.load(open("record.schema.json"))
  for line in sys.stdin: jsonschema.validate(json.loads(line), schema)'`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			b, err := recordSchemaJSON()
			if err != nil {
				return err
			}
			_, err = ios.Out.Write(b)
			return err
		},
	}
}

// schemaProp is one property of the record schema.
type schemaProp struct {
	Type        any      `json:"type"`
	Description string   `json:"description"`
	Minimum     *int     `json:"minimum,omitempty"`
	Pattern     string   `json:"pattern,omitempty"`
	Enum        []string `json:"enum,omitempty"`
}

// recordProps describes every field of extract.Fields (SPEC.md §1).
var recordProps = map[string]schemaProp{
	"doc":       {Type: "string", Description: "the input's name: the path as given, archive.zip!member/path for an archive member, - for standard input"},
	"line":      {Type: "integer", Minimum: intp(1), Description: "1-based line number in the decoded source text (lines split on \\n)"},
	"col":       {Type: "integer", Minimum: intp(1), Description: "1-based column, in characters, of the mention's first character in that line"},
	"text":      {Type: "string", Description: "the mention as it stands in the source: number, scale word and unit, without qualifier words"},
	"value":     {Type: "number", Description: "the number in the canonical unit, scale words folded in; for a range, the low end"},
	"unit":      {Type: "string", Description: "canonical unit (元, %, 百分点, 家, ...); empty for a bare count"},
	"indicator": {Type: "string", Description: "what is measured: the shortest noun phrase of the sentence that names it"},
	"concept":   {Type: "string", Description: "the canonical name of what is measured, from the concept list (SPEC.md §7); empty when no concept fits"},
	"area":      {Type: "string", Description: "the place the figure is about when it is not the document's own area (a city in a provincial report, 全国); empty for the document's own"},
	"period":    {Type: "string", Pattern: `^(\d{4}(-\d{4}|-\d{2})?)?$`, Description: "the time the value refers to: YYYY, YYYY-YYYY or YYYY-MM; empty when unstated"},
	"qualifier": {Type: "string", Enum: []string{"", "approx", "over", "under"}, Description: "approx (约, 左右, 近…), over (超过, 以上, 多…), under (不到, 以下…), or empty"},
	"change":    {Type: "string", Enum: []string{"", "increase", "decrease"}, Description: "increase or decrease when the number states a change of the indicator; empty for a level"},
	"modality":  {Type: "string", Enum: []string{"", "target"}, Description: "target when the value is a goal, plan or forecast; empty for a reported fact"},
	"sentence":  {Type: "string", Description: "the sentence holding the mention, normalised; a sentence over 400 characters is cut to the 400 around the mention, with … where cut"},
	"upper":     {Type: "number", Description: "the high end of a range (optional)"},
	"raw_unit":  {Type: "string", Description: "the unit as written, before canonicalisation (optional)"},
	"page":      {Type: "integer", Minimum: intp(1), Description: "the 1-based page of a paged document (PDF) (optional)"},
}

// optionalFields are the record fields that may be absent.
var optionalFields = map[string]bool{"upper": true, "raw_unit": true, "page": true}

func intp(i int) *int { return &i }

// recordSchemaJSON is the schema, indented, with properties in extract.Fields order.
func recordSchemaJSON() ([]byte, error) {
	var props bytes.Buffer
	props.WriteString("{")
	var required []string
	for i, f := range extract.Fields {
		p, ok := recordProps[f]
		if !ok {
			return nil, fmt.Errorf("schema: no description of field %q", f)
		}
		b, err := marshalNoEscape(p)
		if err != nil {
			return nil, err
		}
		if i > 0 {
			props.WriteString(",")
		}
		fmt.Fprintf(&props, "%q:%s", f, b)
		if !optionalFields[f] {
			required = append(required, f)
		}
	}
	props.WriteString("}")
	schema := struct {
		Schema      string          `json:"$schema"`
		ID          string          `json:"$id"`
		Title       string          `json:"title"`
		Description string          `json:"description"`
		Type        string          `json:"type"`
		Required    []string        `json:"required"`
		Properties  json.RawMessage `json:"properties"`
		Additional  bool            `json:"additionalProperties"`
	}{
		Schema:      "https://json-schema.org/draft/2020-12/schema",
		ID:          "https://github.com/policymetrics/policymetrics/record.schema.json",
		Title:       "policymetrics record",
		Description: "One quantity mention of a Chinese policy document (SPEC.md §1). Extra fields are allowed.",
		Type:        "object",
		Required:    required,
		Properties:  props.Bytes(),
		Additional:  true,
	}
	b, err := marshalNoEscape(schema)
	if err != nil {
		return nil, err
	}
	var out bytes.Buffer
	if err := json.Indent(&out, b, "", "  "); err != nil {
		return nil, err
	}
	out.WriteByte('\n')
	return out.Bytes(), nil
}

func marshalNoEscape(v any) ([]byte, error) {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(v); err != nil {
		return nil, err
	}
	return bytes.TrimRight(buf.Bytes(), "\n"), nil
}
