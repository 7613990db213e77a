-- Search reads listings in the order of the chosen sort and checks each one's words and tags: the probe
-- (listing_id, token) is one index seek, where the index on listing_id alone scanned all of a listing's
-- words. Prices also sort downwards, which an ascending index cannot serve in H2.
CREATE INDEX listing_token_probe ON listing_token (listing_id, token);
CREATE INDEX listing_tag_probe ON listing_tag (listing_id, tag);
DROP INDEX listing_token_listing;
DROP INDEX listing_tag_listing;
CREATE INDEX listing_price_desc ON listing (status, price DESC, listing_id DESC);
-- A license with a price range is read as one range of this index when it is the narrowest condition.
CREATE INDEX listing_license_price ON listing (status, license, price);
