CREATE TABLE "register_codes" (
	"kind" text NOT NULL,
	"municipality_code" text NOT NULL,
	"code" text NOT NULL,
	"seq" integer NOT NULL,
	"name" text NOT NULL,
	"authority_type" text,
	"alpha2" text,
	"postcode" text,
	"house_from" integer,
	"house_to" integer,
	"even_odd" text,
	"valid_from" date,
	"valid_to" date,
	"source" text NOT NULL,
	CONSTRAINT "register_codes_kind_municipality_code_code_seq_pk" PRIMARY KEY("kind","municipality_code","code","seq"),
	CONSTRAINT "register_codes_kind" CHECK (kind in ('road', 'post_district', 'authority'))
);
