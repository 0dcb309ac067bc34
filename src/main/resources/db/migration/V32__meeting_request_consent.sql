-- A fair's 洽谈请求 asks for the other side's contact details through the same consent as any 对接请求: its
-- contact request is accepted when the meeting is (by the asked party), declined when it is declined.
ALTER TABLE meeting_request ADD COLUMN contact_request_id UUID REFERENCES contact_request (id);
